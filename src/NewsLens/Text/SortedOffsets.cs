namespace NewsLens;

/// <summary>Binary search over spans kept in text order (sentences, mentions): which one an offset falls after.</summary>
internal static class SortedOffsets
{
    /// <summary>
    /// Index of the last item whose key is before <paramref name="bound"/> (at or before it when
    /// <paramref name="inclusive"/>), or -1 when none is. <paramref name="items"/> must be sorted by key.
    /// </summary>
    public static int LastIndexBefore<T>(IReadOnlyList<T> items, Func<T, int> key, int bound, bool inclusive = false)
    {
        int lo = 0, hi = items.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var k = key(items[mid]);
            if (k < bound || (inclusive && k == bound))
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
