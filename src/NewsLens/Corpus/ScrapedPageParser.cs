using System.Net;
using System.Text.RegularExpressions;

namespace NewsLens;

/// <summary>
/// Reads a scraped text or markdown page: drops boilerplate, recovers title, date, byline, URL and outlet, and
/// splits pages that embed full related stories after the main one (teasers without a body are dropped).
/// </summary>
/// <remarks>
/// The page is read as a sequence of units (a line, or a hard-wrapped block joined into one), each classified by
/// the patterns of <see cref="PageRules"/>; a small state machine then walks header → body → tail. All knowledge of
/// what boilerplate looks like lives in the data files, not here.
/// </remarks>
/// <param name="removed">Receives each line not in any article (line, raw text, reason), in line order; null skips the bookkeeping.</param>
internal sealed class ScrapedPageParser(PageRules rules, LoadOptions options, Action<int, string, RemovalReason>? removed = null)
{
    // Only named groups capture: a match then makes no group objects for the many "(a|b)" alternations.
    private const RegexOptions Fast = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const int MaxPatternLine = 600;
    private static readonly Regex HeadingMark = new(@"^(?<h>#{1,6})\s+", Fast);
    private static readonly Regex QuoteMark = new(@"^(>\s*)+", Fast);
    private static readonly Regex BulletMark = new(@"^([-*+•·▪●◦–]|\d{1,3}[.)])\s+", Fast);
    private static readonly Regex Image = new(@"!\[[^\]]*\]\([^)]*\)", Fast);
    private static readonly Regex Link = new(@"\[(?<t>[^\]]*)\]\((?<u>[^)\s]*)(\s+""[^""]*"")?\)", Fast);
    private static readonly Regex AutoLink = new(@"<(?<u>https?://[^>\s]+)>", Fast);
    private static readonly Regex Bold = new(@"(\*\*|__)(?<t>[^*_]+)(\*\*|__)", Fast);
    private static readonly Regex Italic = new(@"\*(?<t>[^*\s]([^*]*[^*\s])?)\*", Fast);
    private static readonly Regex Escaped = new(@"\\(?<c>[*_\[\]#()>`-])", Fast);
    private static readonly Regex UrlLine = new(
        @"^((?i:(original|source|canonical)\s+(url|link)|url|link|source|permalink)\s*:?\s*)?<?(?<u>https?://[^\s<>]+)>?$", Fast);
    private static readonly Regex Byline = new(@"^(?i:by|written by|words by|author:?|text by)\s+(?<rest>.+)$", Fast);
    private static readonly Regex TimeOfDay = new(@"\b\d{1,2}[:.]\d{2}(:\d{2})?\s*((?i:am|pm|a\.m\.|p\.m\.))?", Fast);
    private static readonly Regex DateLabel = new(
        @"(?i:\b(published|updated|last updated|posted|modified|date|on|at|gmt|utc|bst|cet|cest|est|edt|pst|pdt|msk|eet|eest|kyiv time|local time|min read|minutes? read|read|\d+)\b)",
        Fast);

    public IReadOnlyList<DraftArticle> Parse(string page)
    {
        var units = Units(page, out var empties);
        Classify(units, out var findings);
        var main = new Builder(units.Count > 0 ? units[0].Line : 1);
        var tail = new List<Unit>();
        var state = State.Header;
        string? url = null;
        string? title = null;
        DateOnly? explicitDate = null;
        string? author = null;
        var seenText = false;
        var weakTitle = false;
        Unit? titleUnit = null;
        int linkList = 0, tailTitles = 0;

        // Records which unit holds the title; one it replaces was a section label.
        void SetTitle(Unit u, bool weak)
        {
            if (titleUnit is not null)
                titleUnit.Reason = RemovalReason.Header;
            (title, weakTitle, titleUnit, u.Reason) = (u.Text, weak, u, RemovalReason.Title);
        }

        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.Kind == Kind.Url)
            {
                url ??= u.Value;
                u.Reason = RemovalReason.Url;
                continue;
            }

            if (u.Kind is Kind.Drop or Kind.Caption)
                continue;
            if (state == State.Tail && u.Kind is Kind.Meta or Kind.Signature)
            {
                tail.Add(u); // "2 hours ago", "Staff Writer": they describe a story in a list
                continue;
            }

            if (u.Kind is Kind.Meta or Kind.Signature)
                continue;
            if (state == State.Tail)
            {
                // A list of links ("Related: • A • B") inside the story, then the story goes on: back to the body.
                if (main.Paragraphs.Count > 0 && IsProse(u) && u.Kind == Kind.Text && linkList > 0 && tailTitles == 0)
                {
                    foreach (var t in tail)
                        t.Reason ??= t.Kind == Kind.End ? RemovalReason.AfterEnd : RemovalReason.Teaser;
                    tail.Clear();
                    state = State.Body;
                }
                else
                {
                    if (u.Kind == Kind.End)
                        (linkList, tailTitles) = (0, 0);
                    else if (IsTitleLike(u) && u.Bullet)
                        linkList++;
                    else if (IsTitleLike(u) || IsProse(u))
                        tailTitles++;
                    tail.Add(u);
                    continue;
                }
            }

            if (u.Kind == Kind.End)
            {
                u.Reason = RemovalReason.AfterEnd;
                state = State.Tail;
                (linkList, tailTitles) = (0, 0);
                continue;
            }

            if (state == State.Header)
            {
                if (u.Heading > 0 && (title is null || weakTitle) && u.Words <= 40)
                {
                    SetTitle(u, false);
                    continue;
                }

                if (ReadDateOrByline(u, bylines: true, ref explicitDate, ref author))
                    continue;
                if (Next(units, i) is { } twin && twin.Text == u.Text)
                {
                    // A line printed twice in a row: the headline (when no title yet) or an image caption.
                    u.Reason = twin.Reason = RemovalReason.Duplicate;
                    if ((title is null || weakTitle) && IsTitleLike(u))
                        SetTitle(u, false);
                    i = twin.Position;
                    continue;
                }

                if (!IsProse(u))
                {
                    // Section labels and menu items ("World", "Politics") come before headlines: a title of one or
                    // two words gives way to a longer headline-like line that follows it.
                    u.Reason = u.Kind == Kind.Repost ? RemovalReason.Signature : RemovalReason.Header;
                    if ((title is null || (weakTitle && u.Words > 2)) && IsTitleLike(u, firstLine: !seenText))
                        SetTitle(u, u.Words <= 2);
                    seenText = true;
                    continue;
                }

                state = State.Body;
                main.Line = u.Line;
            }

            // Body.
            if (u.Kind == Kind.Credit)
            {
                u.Kept = true;
                main.Add(u.Text);
                state = State.Tail;
                continue;
            }

            if (u.Kind == Kind.Teaser)
            {
                u.Reason = RemovalReason.Teaser;
                if (Next(units, i) is { } excerpt && IsTruncated(excerpt))
                    (i, excerpt.Reason) = (excerpt.Position, RemovalReason.Teaser);
                continue;
            }

            if (u.Text == title || main.Contains(u.Text))
            {
                u.Reason = RemovalReason.Duplicate;
                continue;
            }

            if (Next(units, i) is { } copy && copy.Text == u.Text)
            {
                i = copy.Position; // caption printed twice (alt text + caption)
                u.Reason = copy.Reason = RemovalReason.Duplicate;
                continue;
            }

            if (ReadDateOrByline(u, bylines: false, ref explicitDate, ref author))
                continue;
            if (!IsProse(u) && IsTitleLike(u))
            {
                // A title followed by a cut-off excerpt is a teaser for another story; otherwise an in-body subheading,
                // which only separates paragraphs.
                u.Reason = RemovalReason.Subheading;
                if (Next(units, i) is { } excerpt && IsTruncated(excerpt))
                    (i, u.Reason, excerpt.Reason) = (excerpt.Position, RemovalReason.Teaser, RemovalReason.Teaser);
                continue;
            }

            if (IsTruncated(u) && u.Words < 80)
            {
                u.Reason = RemovalReason.Excerpt;
                continue;
            }

            u.Kept = true;
            main.Add(u.Text);
        }

        var drafts = new List<DraftArticle>();
        var (outlet, site) = ResolveOutlet(url, findings);
        var (published, source) = ResolveDate(explicitDate ?? findings.RepostDate, url, units, tail, title);
        if (main.Paragraphs.Count > 0)
        {
            drafts.Add(new DraftArticle
            {
                Index = 0,
                Title = title,
                Outlet = outlet,
                Site = site,
                Author = author,
                Url = url,
                Published = published,
                DateSource = source,
                Paragraphs = main.Paragraphs,
                Line = main.Line,
            });
        }

        var index = 1;
        foreach (var embedded in Embedded(tail))
        {
            var inferred = DateInference.Infer(string.Join("\n", embedded.Paragraphs), rules.Events, options.CurrentYear);
            drafts.Add(new DraftArticle
            {
                Index = index++,
                Title = embedded.Title,
                Outlet = embedded.Outlet ?? outlet,
                Site = embedded.Outlet is null || embedded.Outlet == outlet ? site : site ?? outlet,
                Published = embedded.Date ?? inferred,
                DateSource = embedded.Date is not null ? DateSource.Explicit : inferred is not null ? DateSource.Inferred : DateSource.None,
                ParentIndex = drafts.Count > 0 && drafts[0].Index == 0 ? 0 : null,
                Paragraphs = embedded.Paragraphs,
                Line = embedded.Line,
            });
        }

        if (removed is not null)
            Report(units, empties, removed);
        return drafts;
    }

    // Every unit not kept, with the reason the walk gave it or, for units it skipped over or left in the tail, its kind's.
    private static void Report(List<Unit> units, List<(int Line, string Raw)> empties, Action<int, string, RemovalReason> removed)
    {
        var lines = new List<(int Line, string Raw, RemovalReason Reason)>();
        foreach (var u in units)
        {
            if (u.Kept)
                continue;
            lines.Add((u.Line, u.Raw, u.Reason ?? u.Kind switch
            {
                Kind.Url => RemovalReason.Url,
                Kind.Repost or Kind.Signature => RemovalReason.Signature,
                Kind.Drop => RemovalReason.Boilerplate,
                Kind.Caption => RemovalReason.Caption,
                Kind.Meta => RemovalReason.Meta,
                Kind.Teaser => RemovalReason.Teaser,
                _ => RemovalReason.AfterEnd,
            }));
        }

        lines.AddRange(empties.Select(e => (e.Line, e.Raw, RemovalReason.Markup)));
        foreach (var (line, raw, reason) in lines.OrderBy(l => l.Line))
            removed(line, raw, reason);
    }

    private (DateOnly?, DateSource) ResolveDate(DateOnly? explicitDate, string? url, List<Unit> units, List<Unit> tail, string? title)
    {
        if (explicitDate is not null)
            return (explicitDate, DateSource.Explicit);
        if (DateText.FromUrl(url) is { } fromUrl)
            return (fromUrl, DateSource.Url);
        var tailSet = new HashSet<Unit>(tail);
        // Headlines are in the present tense ("X names 16 March for Budget"): they do not date the story.
        var mainText = string.Join("\n", units.Where(u => !tailSet.Contains(u) && u.Kind is not (Kind.Drop or Kind.Meta) && u.Text != title).Select(u => u.Text));
        return DateInference.Infer(mainText, rules.Events, options.CurrentYear) is { } inferred
            ? (inferred, DateSource.Inferred)
            : (null, DateSource.None);
    }

    private (string? Outlet, string? Site) ResolveOutlet(string? url, Findings findings)
    {
        string? fromHost = null;
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            fromHost = rules.Outlets.ForHost(uri.Host) ?? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host);
        var site = findings.Site is { } s ? rules.Outlets.Normalize(s) : null;
        if (findings.RepostOutlet is { } reposted)
        {
            var outlet = rules.Outlets.Normalize(reposted);
            site ??= fromHost;
            return (outlet, site == outlet ? null : site);
        }

        if (fromHost is not null)
            return (fromHost, site == fromHost ? null : site);
        if (findings.Outlet is { } signed)
        {
            var outlet = rules.Outlets.Normalize(signed);
            return (outlet, site == outlet ? null : site);
        }

        return (null, site);
    }

    private bool ReadDateOrByline(Unit u, bool bylines, ref DateOnly? date, ref string? author)
    {
        if (u.Words > 24)
            return false;
        var byline = Byline.Match(u.Text);
        var mention = DateText.FirstFull(u.Text, options.MonthFirstNumericDates);
        if (bylines && byline.Success)
        {
            var rest = byline.Groups["rest"].Value;
            var cut = mention is { } m ? m.Index - byline.Groups["rest"].Index : rest.Length;
            var name = PersonName(rest[..Math.Clamp(cut, 0, rest.Length)]);
            if (name is not null)
            {
                author ??= name;
                if (mention?.Date is { } d)
                    date ??= d;
                u.Reason = RemovalReason.Byline;
                return true;
            }
        }

        if (mention is not { } found || found.Date is not { } value)
            return false;
        var rest2 = u.Text.Remove(found.Index, found.Length);
        rest2 = TimeOfDay.Replace(rest2, " ");
        rest2 = DateLabel.Replace(rest2, " ");
        if (Segmenter.CountWords(rest2) > 3)
            return false;
        date ??= value;
        u.Reason = RemovalReason.Date;
        return true;
    }

    // "Kateryna Hodunova", "Jane Doe and John Roe", "Jean-Luc de la Tour": capitalised words, name particles and "and".
    private static string? PersonName(string text)
    {
        var words = new List<string>();
        foreach (var raw in text.Split((char[])[' ', ',', '|', '•', '·'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Trim();
            if (w is "-" or "–" or "—")
                break;
            var capital = char.IsUpper(w[0]) && w.Skip(1).All(c => char.IsLetter(c) || c is '-' or '\'' or '’' or '.');
            var particle = w is "de" or "van" or "von" or "der" or "den" or "da" or "di" or "du" or "la" or "le" or "bin" or "al" or "and" or "&";
            if (!capital && !particle)
                break;
            words.Add(w);
        }

        while (words.Count > 0 && words[^1] is "and" or "&" or "de" or "van" or "von" or "der" or "den" or "da" or "di" or "du" or "la" or "le" or "bin" or "al")
            words.RemoveAt(words.Count - 1);
        return words.Count is >= 1 and <= 8 && words.Count(w => char.IsUpper(w[0])) >= 2 ? string.Join(' ', words) : null;
    }

    private IEnumerable<EmbeddedStory> Embedded(List<Unit> tail)
    {
        var candidates = new List<Unit>();
        EmbeddedStory? current = null;
        string? blockOutlet = null;
        var described = false;
        foreach (var u in tail)
        {
            if (u.Kind is Kind.Url or Kind.Repost or Kind.Teaser)
                continue;
            if (u.Kind is Kind.Meta or Kind.Signature)
            {
                described = true;
                continue;
            }

            if (u.Kind == Kind.End)
            {
                if (Flush(current) is { } done)
                    yield return done;
                current = null;
                candidates.Clear();
                blockOutlet = null;
                described = false;
                continue;
            }

            if (u.Words <= 6 && rules.Outlets.ForName(u.Text) is { } named)
            {
                u.Reason = RemovalReason.Signature;
                blockOutlet = named;
                described = true;
                continue;
            }

            if (IsProse(u) && u.Words >= 20)
            {
                if (current is null)
                {
                    // A story in a list has a real headline, printed more than once or described (time, outlet, byline):
                    // a subheading over more prose is not one.
                    if (PickTitle(candidates) is not { } title || Segmenter.CountWords(title) < 4
                        || !(described || candidates.Count(c => c.Text == title) >= 2 || candidates.Any(c => DateText.FirstFull(c.Text) is not null)))
                        continue;
                    current = new EmbeddedStory(title, blockOutlet, u.Line);
                    current.Units.AddRange(candidates.Where(c => c.Text == title));
                    foreach (var c in candidates)
                    {
                        var date = DateText.FirstFull(c.Text, options.MonthFirstNumericDates)?.Date;
                        current.Date ??= date;
                    }
                }

                current.Add(u.Text);
                current.Units.Add(u);
                continue;
            }

            if (current is not null && u.Text == current.Title)
            {
                u.Reason = RemovalReason.Duplicate;
                continue;
            }

            if (IsTitleLike(u) || u.Kind == Kind.Credit)
            {
                if (current is not null)
                {
                    if (Flush(current) is { } done)
                        yield return done;
                    current = null;
                    candidates.Clear();
                    blockOutlet = null;
                    described = false;
                }

                candidates.Add(u);
            }
        }

        if (Flush(current) is { } last)
            yield return last;
    }

    // A kept story's paragraphs are in an article, its headline lines are used as the title.
    private EmbeddedStory? Flush(EmbeddedStory? story)
    {
        if (story is null || Segmenter.CountWords(string.Join(' ', story.Paragraphs)) < options.MinEmbeddedWords)
            return null;
        foreach (var u in story.Units)
        {
            if (u.Text == story.Title)
                u.Reason = RemovalReason.Title;
            else
                u.Kept = true;
        }

        return story;
    }

    // The headline of a related story is usually printed several times (link, image alt, heading): most repeated wins,
    // then the first with a few words (short lines are bylines or outlet names).
    private static string? PickTitle(List<Unit> candidates)
    {
        var titles = candidates.Where(c => c.Words >= 3 && DateText.FirstFull(c.Text) is null).ToList();
        if (titles.Count == 0)
            return null;
        return titles.GroupBy(c => c.Text).OrderByDescending(g => g.Count()).ThenBy(g => titles.IndexOf(g.First())).First().Key;
    }

    private void Classify(List<Unit> units, out Findings findings)
    {
        findings = new Findings();
        var patterns = rules.Boilerplate;
        foreach (var u in units)
        {
            var urlMatch = UrlLine.Match(u.Text);
            if (urlMatch.Success)
            {
                u.Kind = Kind.Url;
                u.Value = urlMatch.Groups["u"].Value.TrimEnd('.', ',', ')');
                continue;
            }

            // Boilerplate and signatures are short lines: long paragraphs skip the pattern scans (most of the cost).
            if (u.Text.Length > MaxPatternLine)
                continue;
            for (var r = 0; r < rules.Signatures.Count; r++) // not foreach: no enumerator per line
            {
                var rule = rules.Signatures[r];
                var m = rule.Pattern.Match(u.Text);
                if (!m.Success)
                    continue;
                if (rule.Kind == "repost" && m.Groups["outlet"].Success && !IsDateLabel(m.Groups["outlet"].Value)
                    && DateText.FirstFull(m.Groups["date"].Value, options.MonthFirstNumericDates)?.Date is { } date)
                {
                    findings.RepostOutlet ??= m.Groups["outlet"].Value.Trim();
                    findings.RepostDate ??= date;
                    u.Kind = Kind.Repost;
                    break;
                }

                if (rule.Kind == "outlet" && m.Groups["outlet"].Success)
                {
                    findings.Outlet ??= m.Groups["outlet"].Value.Trim();
                    u.Kind = Kind.Signature;
                    break;
                }

                if (rule.Kind == "site" && m.Groups["site"].Success)
                {
                    findings.Site ??= m.Groups["site"].Value.Trim();
                    u.Kind = Kind.Signature;
                    break;
                }
            }

            if (u.Kind != Kind.Text)
                continue;
            if (patterns.IsDrop(u.Text))
                u.Kind = Kind.Drop;
            else if (patterns.IsCaption(u.Raw) || patterns.IsCaption(u.Text))
                u.Kind = Kind.Caption;
            else if (patterns.IsMeta(u.Text))
                u.Kind = Kind.Meta;
            else if (patterns.IsEnd(u.Text))
                u.Kind = Kind.End;
            else if (patterns.IsCredit(u.Text))
                u.Kind = Kind.Credit;
            else if (patterns.IsTeaser(u.Text))
                u.Kind = Kind.Teaser;
        }
    }

    private static bool IsDateLabel(string name) =>
        name.Trim().Split(' ')[0].ToLowerInvariant() is "published" or "updated" or "posted" or "date" or "on" or "last" or "modified";

    // The next unit that could be text, past drop and meta lines (a bounded look: pages can hold long runs of junk).
    private static Unit? Next(List<Unit> units, int i)
    {
        for (var k = i + 1; k < units.Count && k <= i + 32; k++)
        {
            if (units[k].Kind is Kind.Text or Kind.Teaser or Kind.Credit)
                return units[k];
            if (units[k].Kind is not (Kind.Drop or Kind.Meta))
                return null;
        }

        return null;
    }

    // A sentence, a long line, or a quotation cut before its attribution ("... we made,”).
    private static bool IsProse(Unit u) => u.Words >= 8 && (EndsSentence(u.Text) || u.Words >= 20 || EndsQuotedClause(u.Text));

    private static bool EndsQuotedClause(string text) => text.Length > 2 && text[^1] is '"' or '”' or '’' or '\'' && text[^2] == ',';

    // A headline: short, no closing period. The page's first line gets more latitude ("iTunes now ...", "Rivals of ...").
    private static bool IsTitleLike(Unit u, bool firstLine = false)
    {
        if (u.Words is < 1 or > 25 || u.Text.Length > 220)
            return false;
        var first = u.Text[0];
        var opening = char.IsUpper(first) || char.IsDigit(first) || first is '\'' or '"' or '‘' or '“' or '«'
            || char.GetUnicodeCategory(first) == System.Globalization.UnicodeCategory.CurrencySymbol
            || (firstLine && char.IsLetter(first));
        if (!opening)
            return false;
        if (firstLine && (u.Text.EndsWith("...", StringComparison.Ordinal) || u.Text.EndsWith('…')))
            return true;
        var last = LastSignificant(u.Text);
        return last is not ('.' or ',' or ';' or ':' or '…');
    }

    private static bool IsTruncated(Unit u) => u.Text.EndsWith('…') || u.Text.EndsWith("...", StringComparison.Ordinal);

    private static bool EndsSentence(string text) => PlainText.EndsSentence(text);

    private static char LastSignificant(string text)
    {
        var k = text.Length - 1;
        while (k > 0 && text[k] is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or '*')
            k--;
        return k >= 0 ? text[k] : '\0';
    }

    private List<Unit> Units(string page, out List<(int Line, string Raw)> empties)
    {
        var units = new List<Unit>();
        empties = [];
        var block = new List<(string Line, int No)>();
        var no = 0;
        foreach (var range in page.AsSpan().Split('\n'))
        {
            no++;
            var line = page.AsSpan(range).TrimEnd();
            if (!line.IsWhiteSpace())
            {
                block.Add((line.ToString(), no)); // a string only for lines that hold text
                continue;
            }

            if (block.Count > 0)
                AddBlock(block, units, empties);
            block.Clear();
        }

        if (block.Count > 0)
            AddBlock(block, units, empties);
        return units;
    }

    private static void AddBlock(List<(string Line, int No)> block, List<Unit> units, List<(int Line, string Raw)> empties)
    {
        if (!PlainText.IsHardWrapped(block))
        {
            foreach (var (line, no) in block)
                AddUnit(line, no, units, empties);
            return;
        }

        // Join wrapped lines; an indented, bulleted or heading line starts a new unit.
        var current = new List<string>();
        var start = block[0].No;
        foreach (var (line, no) in block)
        {
            var startsNew = current.Count > 0 && (line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith('\t')
                || BulletMark.IsMatch(line.TrimStart()) || HeadingMark.IsMatch(line.TrimStart()));
            if (startsNew)
            {
                AddUnit(string.Join(' ', current), start, units, empties);
                current.Clear();
                start = no;
            }

            current.Add(line.Trim());
        }

        if (current.Count > 0)
            AddUnit(string.Join(' ', current), start, units, empties);
    }

    private static void AddUnit(string raw, int line, List<Unit> units, List<(int Line, string Raw)> empties)
    {
        raw = raw.Trim();
        var text = raw;
        var heading = 0;
        var bullet = false;
        var h = HeadingMark.Match(text);
        if (h.Success)
        {
            heading = h.Groups["h"].Length;
            text = text[h.Length..].TrimEnd('#', ' ');
        }

        text = QuoteMark.Replace(text, "");
        var b = BulletMark.Match(text);
        if (b.Success && b.Length < text.Length)
        {
            bullet = true;
            text = text[b.Length..];
        }

        text = CleanInline(text);
        if (text.Length == 0)
        {
            empties.Add((line, raw));
            return;
        }

        units.Add(new Unit { Raw = raw, Text = text, Line = line, Position = units.Count, Heading = heading, Bullet = bullet, Words = Segmenter.CountWords(text) });
    }

    /// <summary>Markdown link and emphasis artefacts to plain text; entities decoded; whitespace collapsed.</summary>
    internal static string CleanInline(string text)
    {
        if (text.Contains('!'))
            text = Image.Replace(text, "");
        if (text.Contains('['))
            text = Link.Replace(text, "${t}");
        if (text.Contains('<'))
            text = AutoLink.Replace(text, "${u}");
        if (text.Contains('*') || text.Contains("__", StringComparison.Ordinal))
        {
            text = Bold.Replace(text, "${t}");
            text = Italic.Replace(text, "${t}");
        }

        if (text.Contains('\\'))
            text = Escaped.Replace(text, "${c}");
        if (text.Contains('&') && text.Contains(';'))
            text = WebUtility.HtmlDecode(text);
        text = CollapseAndUnglue(text);
        // An opening quote mark cannot end a paragraph: a scraping artefact.
        if (text.Length > 2 && text[^1] is '“' or '‘' && text[^2] == ' ')
            text = text[..^2].TrimEnd();
        return text;
    }

    // One pass: whitespace runs (NBSP included) become one space, zero-width spaces go, and a sentence glued to the
    // next one by a lost line break ("relations.France has") gets its space back.
    private static string CollapseAndUnglue(string text)
    {
        if (IsCollapsedAndUnglued(text))
            return text; // most lines: no copy
        var builder = new System.Text.StringBuilder(text.Length + 8);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\u200B' || c == '\uFEFF')
                continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            if (GluedSentenceEnd(text, i) is { } next)
            {
                builder.Append(text, i + 1, next - i - 1).Append(' ');
                i = next - 1;
            }
        }

        return builder.ToString();
    }

    // Whether CollapseAndUnglue would leave the text as it is: single spaces between words, nothing to drop or unglue.
    private static bool IsCollapsedAndUnglued(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u200B' or '\uFEFF')
                return false;
            if (char.IsWhiteSpace(c))
            {
                if (c != ' ' || i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i + 1]) || text[i + 1] is '\u200B' or '\uFEFF')
                    return false;
            }
            else if (GluedSentenceEnd(text, i) is not null)
            {
                return false;
            }
        }

        return true;
    }

    // At a sentence end glued to the next sentence ("relations.France"): where the next sentence starts.
    private static int? GluedSentenceEnd(string text, int i)
    {
        if (text[i] is not ('.' or '!' or '?') || i < 2 || !char.IsLower(text[i - 1]) || !char.IsLower(text[i - 2]))
            return null;
        var next = i + 1;
        if (next < text.Length && text[next] is '"' or '”' or '’' or '\'')
            next++;
        return next + 1 < text.Length && char.IsUpper(text[next]) && char.IsLower(text[next + 1]) ? next : null;
    }

    private enum State
    {
        Header,
        Body,
        Tail,
    }

    private enum Kind
    {
        Text,
        Url,
        Repost,
        Signature,
        Drop,
        Caption,
        Meta,
        End,
        Credit,
        Teaser,
    }

    private sealed class Unit
    {
        public required string Raw { get; init; }

        public required string Text { get; init; }

        public int Line { get; init; }

        /// <summary>Index of the unit in the page's list.</summary>
        public int Position { get; init; }

        public int Heading { get; init; }

        public bool Bullet { get; init; }

        public int Words { get; init; }

        public Kind Kind { get; set; }

        public string? Value { get; set; }

        /// <summary>In an article's text.</summary>
        public bool Kept { get; set; }

        /// <summary>Why the walk left it out, when it decided (else its kind says).</summary>
        public RemovalReason? Reason { get; set; }
    }

    private sealed class Findings
    {
        public string? RepostOutlet { get; set; }

        public DateOnly? RepostDate { get; set; }

        public string? Outlet { get; set; }

        public string? Site { get; set; }
    }

    private sealed class Builder(int line)
    {
        private readonly HashSet<string> seen = [];

        public int Line { get; set; } = line;

        public List<string> Paragraphs { get; } = [];

        public bool Contains(string text) => seen.Contains(text);

        /// <summary>Adds a paragraph; a paragraph cut after a comma and followed by a short attribution ("Peskov said.") is rejoined.</summary>
        public void Add(string text)
        {
            seen.Add(text);
            if (Paragraphs.Count > 0 && Segmenter.CountWords(text) <= 8 && EndsWithComma(Paragraphs[^1]))
            {
                Paragraphs[^1] = Paragraphs[^1] + " " + text;
                return;
            }

            Paragraphs.Add(text);
        }

        private static bool EndsWithComma(string text)
        {
            var k = text.Length - 1;
            while (k > 0 && text[k] is '"' or '\'' or '”' or '’')
                k--;
            return k >= 0 && text[k] == ',';
        }
    }

    private sealed class EmbeddedStory(string title, string? outlet, int line)
    {
        private readonly Builder builder = new(line);

        public string Title { get; } = title;

        public string? Outlet { get; } = outlet;

        public int Line { get; } = line;

        public DateOnly? Date { get; set; }

        public List<string> Paragraphs => builder.Paragraphs;

        /// <summary>The units of the page it was built from (headline lines and paragraphs).</summary>
        public List<Unit> Units { get; } = [];

        public void Add(string text) => builder.Add(text);
    }
}
