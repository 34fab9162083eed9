using System.CommandLine;
using System.Text;
using NewsLens.Cli;
using Xunit.Abstractions;

namespace NewsLens.Tests.Cli;

/// <summary>One folder with one good article and four bad files, made once for the exit-code table.</summary>
public sealed class BadFolder : IDisposable
{
    public BadFolder()
    {
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, "good.txt"),
            "Council Vote\n\nThe city council approved the new budget on Tuesday, the mayor said. \"It is a good day,\" Mayor Jane Example told reporters.\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "empty.txt"), "");
        File.WriteAllBytes(System.IO.Path.Combine(Path, "scan.txt"), [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x00, 0xFF, 0x10, 0x00]);
        File.WriteAllText(System.IO.Path.Combine(Path, "feed.jsonl"), "{\"title\": \"A\", \"text\": \"Alpha said hello.\"}\n{\"title\": \"B\", \"text\": \n");
        File.WriteAllText(System.IO.Path.Combine(Path, "broken.csv"), "title,text\n\"Unclosed,quote\n");
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newslens-tests", "bad-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>
/// The exit-code contract of every corpus verb, run through the real command line: 0 when everything loaded, 2 when anything
/// was skipped or a path or glob matched nothing (the message names it), 1 for a usage error.
/// </summary>
public sealed class ExitCodeTests(BadFolder bad, ITestOutputHelper output) : IClassFixture<BadFolder>
{
    private (int Code, string Out, string Err) Invoke(string commandLine)
    {
        var args = commandLine.Replace("{bad}", bad.Path).Replace("{seeds}", TestPaths.Seeds)
            .Replace("{out}", System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newslens-tests", "out-" + Guid.NewGuid().ToString("N")))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        output.WriteLine($"{commandLine} → {code}\n{stderr}");
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static TheoryData<string> Verbs =>
    [
        "articles {bad}",
        "articles {bad} -f csv",
        "articles {bad} --removed",
        "quotes {bad}",
        "quotes {bad} --by speaker -f jsonl",
        "actors {bad}",
        "cooccurrence {bad}",
        "cooccurrence {bad} --matrix",
        "sentiment {bad}",
        "sentiment {bad} --by outlet --resample month",
        "analyze {bad} --out {out} --threads 1",
    ];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void EveryVerbExitsTwoOnABadFolderAndNamesEachSkippedFile(string commandLine)
    {
        var (code, _, errors) = Invoke(commandLine);

        Assert.Equal(2, code);
        foreach (var name in new[] { "empty.txt", "scan.txt", "feed.jsonl", "broken.csv" })
            Assert.Contains(name, errors);
        Assert.Contains("skipped (see above)", errors);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void EveryVerbExitsTwoWhenAGlobMatchesNothing(string commandLine)
    {
        var (code, _, errors) = Invoke(commandLine.Replace("{bad}", "{seeds}/*.nothing"));

        Assert.Equal(2, code);
        Assert.Contains("*.nothing: the pattern matched no", errors);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void EveryVerbExitsTwoWhenAPathIsMissing(string commandLine)
    {
        var (code, _, errors) = Invoke(commandLine.Replace("{bad}", "{seeds} /no/such/corpus"));

        Assert.Equal(2, code);
        Assert.Contains("/no/such/corpus: no such file or folder", errors);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void EveryVerbExitsZeroOnTheSeeds(string commandLine)
    {
        var (code, _, errors) = Invoke(commandLine.Replace("{bad}", "{seeds}"));

        Assert.Equal(0, code);
        Assert.DoesNotContain("skipped", errors);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("articles {seeds} --format xml")]
    [InlineData("articles {seeds} --metadata /no/such/metadata.csv")]
    [InlineData("articles {seeds} --columns nonsense")]
    [InlineData("quotes {seeds} --by nobody")]
    [InlineData("quotes {seeds} --period month")]
    [InlineData("quotes {seeds} --cues /no/such/cues.txt")]
    [InlineData("actors {seeds} --catalog /no/such/catalog.json")]
    [InlineData("cooccurrence {seeds} --window chapter")]
    [InlineData("cooccurrence {seeds} --top many")]
    [InlineData("cooccurrence {seeds} --min-count 0")]
    [InlineData("cooccurrence {seeds} --kinds robot")]
    [InlineData("sentiment")]
    [InlineData("sentiment {seeds} --lines -")]
    [InlineData("sentiment --lines - --by sentence")]
    [InlineData("sentiment {seeds} --window 2")]
    [InlineData("sentiment {seeds} --lexicon /no/such/lexicon.txt")]
    [InlineData("analyze {seeds}")]
    [InlineData("analyze {seeds} --out {out} --threads 0")]
    [InlineData("analyze {seeds} --out {out} --shard 3/2")]
    [InlineData("report {seeds}")]
    [InlineData("notebook run x.ipynb --no-input")]
    public void UsageErrorsExitOneInLowerCaseWithoutClrNames(string commandLine)
    {
        var (code, stdout, errors) = Invoke(commandLine);

        Assert.Equal(1, code);
        var text = errors + stdout;
        Assert.DoesNotMatch(@"System\.|NewsLens\.|Nullable|Int32|<[A-Z][a-z]+\|", text);
    }
}
