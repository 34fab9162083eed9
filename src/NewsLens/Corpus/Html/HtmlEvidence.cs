using AngleSharp.Dom;

namespace NewsLens;

/// <summary>
/// DOM evidence that an element is not part of the story: its tag (nav, aside, footer, figure captions, forms), ARIA
/// role, class and id words (share, related, newsletter, comments, ads, byline...) and how much of its text is links.
/// </summary>
/// <remarks>
/// Class and id values are split into words ("article-share_bar" → article, share, bar) and compared whole, so "ad"
/// matches "ad-slot" but not "header" or "shadow". An element holding most of the content's text is never dropped on
/// its class alone: that is the content wearing an unlucky name ("post-with-comments").
/// </remarks>
internal static class HtmlEvidence
{
    private static readonly Dictionary<string, RemovalReason> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["share"] = RemovalReason.Boilerplate, ["sharing"] = RemovalReason.Boilerplate, ["sharebar"] = RemovalReason.Boilerplate,
        ["sharethis"] = RemovalReason.Boilerplate, ["addthis"] = RemovalReason.Boilerplate,
        ["related"] = RemovalReason.Teaser, ["recommended"] = RemovalReason.Teaser, ["recommendations"] = RemovalReason.Teaser,
        ["recirc"] = RemovalReason.Teaser, ["outbrain"] = RemovalReason.Teaser, ["taboola"] = RemovalReason.Teaser,
        ["more"] = RemovalReason.Teaser, ["trending"] = RemovalReason.Teaser, ["popular"] = RemovalReason.Teaser, ["teaser"] = RemovalReason.Teaser, ["rail"] = RemovalReason.Teaser,
        ["newsletter"] = RemovalReason.Boilerplate, ["subscribe"] = RemovalReason.Boilerplate, ["subscription"] = RemovalReason.Boilerplate,
        ["signup"] = RemovalReason.Boilerplate, ["promo"] = RemovalReason.Boilerplate, ["advert"] = RemovalReason.Boilerplate,
        ["advertisement"] = RemovalReason.Boilerplate, ["ad"] = RemovalReason.Boilerplate, ["ads"] = RemovalReason.Boilerplate,
        ["adslot"] = RemovalReason.Boilerplate, ["dfp"] = RemovalReason.Boilerplate, ["sponsor"] = RemovalReason.Boilerplate,
        ["sponsored"] = RemovalReason.Boilerplate, ["comments"] = RemovalReason.Boilerplate, ["comment"] = RemovalReason.Boilerplate,
        ["disqus"] = RemovalReason.Boilerplate, ["breadcrumb"] = RemovalReason.Boilerplate, ["breadcrumbs"] = RemovalReason.Boilerplate,
        ["toolbar"] = RemovalReason.Boilerplate, ["cookie"] = RemovalReason.Boilerplate, ["cookies"] = RemovalReason.Boilerplate,
        ["popup"] = RemovalReason.Boilerplate, ["modal"] = RemovalReason.Boilerplate, ["nav"] = RemovalReason.Boilerplate,
        ["navigation"] = RemovalReason.Boilerplate, ["menu"] = RemovalReason.Boilerplate, ["sidebar"] = RemovalReason.Boilerplate,
        ["footer"] = RemovalReason.Boilerplate, ["tags"] = RemovalReason.Meta, ["keywords"] = RemovalReason.Meta,
        ["byline"] = RemovalReason.Byline, ["author"] = RemovalReason.Byline, ["authors"] = RemovalReason.Byline,
        ["dateline"] = RemovalReason.Date, ["timestamp"] = RemovalReason.Date, ["published"] = RemovalReason.Date,
        ["caption"] = RemovalReason.Caption, ["credit"] = RemovalReason.Caption, ["credits"] = RemovalReason.Caption,
        ["figcaption"] = RemovalReason.Caption, ["photo"] = RemovalReason.Caption, ["gallery"] = RemovalReason.Caption,
        ["print"] = RemovalReason.Boilerplate, ["hidden"] = RemovalReason.Markup, ["sr"] = RemovalReason.Markup,
    };

    /// <summary>Why <paramref name="element"/> is boilerplate, or null when the DOM gives no reason to drop it.</summary>
    /// <param name="total">Characters of text in the whole content.</param>
    public static RemovalReason? DropReason(IElement element, int total)
    {
        switch (element.TagName)
        {
            case "NAV" or "ASIDE" or "FORM" or "FOOTER":
                return Guard(element, total, RemovalReason.Boilerplate);
            case "FIGCAPTION" or "FIGURE":
                return RemovalReason.Caption;
            case "HEADER":
                return Guard(element, total, RemovalReason.Header);
        }

        if (element.GetAttribute("role") is { } role && role.ToLowerInvariant() is "navigation" or "complementary" or "contentinfo" or "banner" or "menu" or "dialog")
            return Guard(element, total, RemovalReason.Boilerplate);
        if (element.GetAttribute("itemprop") is { } prop)
        {
            if (prop.Contains("author", StringComparison.OrdinalIgnoreCase))
                return Guard(element, total, RemovalReason.Byline);
            if (prop.Contains("date", StringComparison.OrdinalIgnoreCase))
                return Guard(element, total, RemovalReason.Date);
        }

        if ((HintOf(element.ClassName) ?? HintOf(element.Id)) is { } hint)
            return Guard(element, total, hint);
        if (element.TagName is "UL" or "OL" or "DIV" or "SECTION" or "TABLE" or "DL" or "CENTER")
        {
            var (text, linked) = HtmlBlocks.Density(element);
            if (text > 0 && linked > 0.5 * text && text - linked < MaxUnlinkedInWidget)
                return RemovalReason.Teaser;
            if (text < AdLabel && HoldsScript(element))
                return RemovalReason.Boilerplate; // an ad slot: a script or frame under a label such as "Advertisement"
        }

        return null;
    }

    /// <summary>A list or container whose text is mostly links: a menu, a tag cloud, a list of other stories. Not a page
    /// wrapper whose menus outweigh a short story: that holds more unlinked text than a widget does.</summary>
    public static bool LinkDense(IElement element)
    {
        var (text, linked) = HtmlBlocks.Density(element);
        return text > 0 && linked > 0.5 * text && text - linked < MaxUnlinkedInWidget;
    }

    /// <summary>Unlinked text (in <see cref="TextScript.Weight(string)"/> units) beyond which a link-dense element is more than a link list.</summary>
    private const int MaxUnlinkedInWidget = 400;

    /// <summary>Visible text shorter than this beside a script or frame is a label ("Advert", "Sponsored"), not content.</summary>
    private const int AdLabel = 20;

    private static bool HoldsScript(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (child.TagName is "SCRIPT" or "IFRAME" or "INS" || HoldsScript(child))
                return true;
        }

        return false;
    }

    private static RemovalReason? Guard(IElement element, int total, RemovalReason reason)
    {
        if (total <= 0)
            return reason;
        var (text, _) = HtmlBlocks.Density(element);
        return text * 2 > total ? null : reason;
    }

    internal static RemovalReason? HintOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var boundary = i == value.Length || !char.IsLetterOrDigit(value[i])
                || (i > 0 && char.IsUpper(value[i]) && char.IsLower(value[i - 1])); // camelCase: "shareBar"
            if (boundary)
            {
                if (start >= 0 && Words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value.AsSpan(start, i - start), out var reason))
                    return reason;
                start = i < value.Length && char.IsLetterOrDigit(value[i]) ? i : -1;
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return null;
    }
}
