namespace NewsLens;

internal sealed partial class QuoteAttributor
{
    /// <summary>
    /// An attributor's per-article lists, handed on to the next article on the same thread when it is done: rebuilt
    /// and regrown for every article they were a quarter of what the stage allocated.
    /// </summary>
    /// <remarks>
    /// <see cref="Rent"/> takes the thread's spare (or makes one), <see cref="Return"/> clears it and makes it the
    /// spare again, so two attributors alive on one thread never share lists. Oversized lists are dropped, not kept.
    /// </remarks>
    private sealed class Scratch
    {
        private const int KeepEntries = 1 << 14;

        [ThreadStatic]
        private static Scratch? spare;

        public readonly List<List<SpanToken>> Tokens = [];
        public readonly List<TokenFrame> Frames = [];
        public readonly List<int> ParagraphFrameStart = [];
        public readonly List<NamedActor> Mentions = [];
        public readonly Dictionary<string, string> Surnames = new(StringComparer.OrdinalIgnoreCase);
        public readonly List<(string Surname, string Full, int Start, int Frame, bool Subject)> FullNames = [];
        public readonly List<(HashSet<string> Words, string Person, int Start)> Roles = [];
        public readonly List<(Quote Quote, SpeakerAttribution SpeakerAttribution, int TokenFrame)> Done = [];

        public static Scratch Rent()
        {
            var scratch = spare ?? new Scratch();
            spare = null;
            return scratch;
        }

        public void Return()
        {
            if (Tokens.Capacity > KeepEntries || Frames.Capacity > KeepEntries || ParagraphFrameStart.Capacity > KeepEntries
                || Mentions.Capacity > KeepEntries || Surnames.Capacity > KeepEntries || FullNames.Capacity > KeepEntries
                || Roles.Capacity > KeepEntries || Done.Capacity > KeepEntries)
                return;
            Tokens.Clear();
            Frames.Clear();
            ParagraphFrameStart.Clear();
            Mentions.Clear();
            Surnames.Clear();
            FullNames.Clear();
            Roles.Clear();
            Done.Clear();
            spare = this;
        }
    }
}
