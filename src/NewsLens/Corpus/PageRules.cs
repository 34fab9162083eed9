using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsLens;

/// <summary>
/// The knowledge the loader uses to clean scraped pages and name outlets: boilerplate patterns, outlet and site
/// signatures, the outlet catalog (web host → name) and a calendar of dated events for year inference.
/// </summary>
/// <remarks>
/// Shipped as data files (Corpus/Data/*.txt, *.json) embedded in the library and loaded once; replace any of
/// them with your own file through <see cref="With"/> and pass the result in <see cref="LoadOptions.Rules"/>.
/// </remarks>
public sealed class PageRules
{
    private static readonly Lazy<PageRules> DefaultRules = new(() => new PageRules(
        ReadResource("boilerplate.txt"), ReadResource("signatures.txt"), ReadResource("outlets.json"), ReadResource("events.txt")));

    private readonly string boilerplateSource;
    private readonly string signatureSource;
    private readonly string outletSource;
    private readonly string eventSource;
    private readonly IReadOnlyList<string> moreOutletSources;

    // Compiling the pattern files costs tens of MB of automata: only page loads need them, JSON and CSV loads never do.
    private readonly Lazy<BoilerplatePatterns> boilerplate;
    private readonly Lazy<IReadOnlyList<SignatureRule>> signatures;

    private PageRules(string boilerplate, string signatures, string outlets, string events, IReadOnlyList<string>? moreOutlets = null)
    {
        boilerplateSource = boilerplate;
        signatureSource = signatures;
        outletSource = outlets;
        eventSource = events;
        moreOutletSources = moreOutlets ?? [];
        this.boilerplate = new(() => BoilerplatePatterns.Parse(boilerplate));
        this.signatures = new(() => SignatureRule.ParseAll(signatures));
        Outlets = OutletCatalog.Parse([.. moreOutletSources, outlets]);
        Events = DatedEvent.ParseAll(events);
    }

    /// <summary>The rules shipped with NewsLens.</summary>
    public static PageRules Default => DefaultRules.Value;

    internal BoilerplatePatterns Boilerplate => boilerplate.Value;

    internal IReadOnlyList<SignatureRule> Signatures => signatures.Value;

    internal OutletCatalog Outlets { get; }

    internal IReadOnlyList<DatedEvent> Events { get; }

    /// <summary>A copy with some data files replaced by yours (same formats as the shipped ones; see Corpus/Data/).</summary>
    public PageRules With(string? boilerplate = null, string? signatures = null, string? outlets = null, string? events = null) => new(
        boilerplate is null ? boilerplateSource : File.ReadAllText(boilerplate),
        signatures is null ? signatureSource : File.ReadAllText(signatures),
        outlets is null ? outletSource : File.ReadAllText(outlets),
        events is null ? eventSource : File.ReadAllText(events),
        moreOutletSources);

    /// <summary>
    /// A copy whose outlet catalog also holds the outlets of <paramref name="file"/> (the format of outlets.json): your
    /// own outlets, hosts, aliases and writers' bylines, taking precedence over the shipped entries they overlap.
    /// </summary>
    /// <exception cref="FormatException">The file is not an outlet catalog; the message names the file and the problem.</exception>
    public PageRules WithOutlets(string file)
    {
        var json = File.ReadAllText(file);
        try
        {
            OutletCatalog.Parse(json);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{file}: not an outlet catalog like outlets.json ({e.Message})", e);
        }

        return new PageRules(boilerplateSource, signatureSource, outletSource, eventSource, [json, .. moreOutletSources]);
    }

    /// <summary>The text of a shipped data file (to copy and adapt): "boilerplate.txt", "signatures.txt", "outlets.json" or "events.txt".</summary>
    public static string ReadResource(string name)
    {
        var assembly = typeof(PageRules).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".Corpus.Data." + name, StringComparison.Ordinal))
            ?? throw new ArgumentException($"no shipped data file named {name}", nameof(name));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Compiles a pattern from a data file: non-backtracking where the pattern allows it, else with a timeout.</summary>
    internal static Regex Compile(string pattern, RegexOptions extra = RegexOptions.IgnoreCase)
    {
        var options = extra | RegexOptions.CultureInvariant;
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, TimeSpan.FromMilliseconds(200));
        }
    }
}

/// <summary>The sections of boilerplate.txt, each a list of whole-line patterns.</summary>
internal sealed class BoilerplatePatterns
{
    private readonly Dictionary<string, Regex?> combined;

    private BoilerplatePatterns(Dictionary<string, Regex?> combined) => this.combined = combined;

    public bool IsDrop(string line) => Matches("drop", line);

    public bool IsEnd(string line) => Matches("end", line);

    public bool IsCredit(string line) => Matches("credit", line);

    public bool IsCaption(string line) => Matches("caption", line);

    public bool IsMeta(string line) => Matches("meta", line);

    public bool IsTeaser(string line) => Matches("teaser", line);

    private bool Matches(string section, string line) =>
        combined.TryGetValue(section, out var regex) && regex is not null && regex.IsMatch(line);

    public static BoilerplatePatterns Parse(string source)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var current = "drop";
        foreach (var raw in source.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = line[1..^1].Trim().ToLowerInvariant();
                continue;
            }

            if (!sections.TryGetValue(current, out var list))
                sections[current] = list = [];
            list.Add(line);
        }

        // One alternation per section: each line is matched once per section, not once per pattern.
        var combined = sections.ToDictionary(
            s => s.Key,
            s => s.Value.Count == 0 ? null : PageRules.Compile("^(?:" + string.Join("|", s.Value.Select(p => "(?:" + p + ")")) + ")$"),
            StringComparer.OrdinalIgnoreCase);
        return new BoilerplatePatterns(combined);
    }
}

/// <summary>A line pattern naming an outlet, a site, or both an outlet and a date (an aggregator's re-post line).</summary>
internal sealed record SignatureRule(string Kind, Regex Pattern)
{
    public static IReadOnlyList<SignatureRule> ParseAll(string source)
    {
        var rules = new List<SignatureRule>();
        foreach (var raw in source.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0)
                throw new FormatException($"signature rule without a kind and a TAB: {line}");
            // Case-insensitive except where a rule insists on capitals for names: keep the [A-Z] classes meaningful.
            rules.Add(new SignatureRule(line[..tab].Trim().ToLowerInvariant(), PageRules.Compile(line[(tab + 1)..].Trim(), RegexOptions.None)));
        }

        return rules;
    }
}

/// <summary>Outlet names by web host, by alternative name and by the bylines of writers who publish there.</summary>
internal sealed class OutletCatalog
{
    private readonly Dictionary<string, string> byHost;
    private readonly Dictionary<string, string> byName;
    private readonly Dictionary<string, string> byByline;

    private OutletCatalog(Dictionary<string, string> byHost, Dictionary<string, string> byName, Dictionary<string, string> byByline)
    {
        this.byHost = byHost;
        this.byName = byName;
        this.byByline = byByline;
    }

    /// <summary>Reads catalogs in order; an earlier file wins where two claim the same host, name or byline.</summary>
    public static OutletCatalog Parse(params string[] jsons)
    {
        var byHost = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byByline = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var json in jsons)
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var outlets = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("outlets");
            foreach (var outlet in outlets.EnumerateArray())
            {
                var name = outlet.GetProperty("name").GetString()!;
                byName.TryAdd(name, name);
                foreach (var host in Strings(outlet, "hosts"))
                    byHost.TryAdd(host, name);
                foreach (var alias in Strings(outlet, "aliases"))
                    byName.TryAdd(alias, name);
                foreach (var byline in Strings(outlet, "bylines"))
                    byByline.TryAdd(BylineKey(byline), name);
            }
        }

        return new OutletCatalog(byHost, byName, byByline);
    }

    private static IEnumerable<string> Strings(JsonElement outlet, string property) =>
        outlet.TryGetProperty(property, out var values) ? values.EnumerateArray().Select(v => v.GetString()!) : [];

    /// <summary>
    /// The outlet a byline belongs to, when the catalog lists its writer: a page that names its writer but not its
    /// outlet (no URL, no masthead) still gets one. "By Jane Doe and John Roe" matches when every listed writer
    /// agrees on one outlet.
    /// </summary>
    public string? ForByline(string author)
    {
        if (byByline.Count == 0)
            return null;
        string? found = null;
        foreach (var writer in author.Split([",", " and ", " & "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!byByline.TryGetValue(BylineKey(writer), out var outlet))
                continue;
            if (found is not null && found != outlet)
                return null;
            found = outlet;
        }

        return found;
    }

    // Case, spacing and a leading "By" do not distinguish writers.
    private static string BylineKey(string byline)
    {
        var words = byline.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = words.Length > 1 && words[0].Equals("by", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        return string.Join(' ', words[start..]).ToLowerInvariant();
    }

    /// <summary>The outlet of a web host ("www.example.com", "edition.cnn.com"), trying parent domains.</summary>
    public string? ForHost(string host)
    {
        host = host.Trim().TrimEnd('.').ToLowerInvariant();
        while (true)
        {
            if (byHost.TryGetValue(host, out var name))
                return name;
            var dot = host.IndexOf('.');
            if (dot < 0 || host.IndexOf('.', dot + 1) < 0)
                return null;
            host = host[(dot + 1)..];
        }
    }

    /// <summary>The canonical name for a known name or alias ("Russia Today" → "RT", "RT (Russia Today)" → "RT"); null when unknown.</summary>
    public string? ForName(string name)
    {
        name = name.Trim();
        if (byName.TryGetValue(name, out var canonical))
            return canonical;
        // "Name (explanation)": either part may be the known one.
        var open = name.IndexOf('(');
        var close = name.LastIndexOf(')');
        if (open > 0 && close > open)
        {
            if (byName.TryGetValue(name[..open].Trim(), out canonical) || byName.TryGetValue(name[(open + 1)..close].Trim(), out canonical))
                return canonical;
        }

        return null;
    }

    /// <summary>The canonical name when known, else the name as found.</summary>
    public string Normalize(string name) => ForName(name) ?? name.Trim();
}

/// <summary>A dated public event (an election day) from events.txt.</summary>
internal sealed record DatedEvent(DateOnly Date, IReadOnlyList<string> CountryTerms, IReadOnlyList<string> EventTerms, string Description)
{
    public static IReadOnlyList<DatedEvent> ParseAll(string source)
    {
        var events = new List<DatedEvent>();
        foreach (var raw in source.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var parts = line.Split('\t');
            if (parts.Length < 3 || !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", out var date))
                throw new FormatException($"event line is not 'yyyy-MM-dd<TAB>countries<TAB>events[<TAB>description]': {line}");
            events.Add(new DatedEvent(date, Split(parts[1]), Split(parts[2]), parts.Length > 3 ? parts[3].Trim() : ""));
        }

        return events;
    }

    private static string[] Split(string terms) =>
        terms.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
