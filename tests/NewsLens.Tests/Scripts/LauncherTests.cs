using System.Diagnostics;

namespace NewsLens.Tests.Scripts;

/// <summary>
/// `scripts/newslens`, the command the README gives: it builds on first use and when a source is newer than the build,
/// and otherwise starts the built CLI directly (no `dotnet run`, which re-checks the build on every call). Run in a
/// copy of the layout with a stand-in `dotnet` on PATH that logs its calls, so the test sees every build and start.
/// </summary>
public sealed class LauncherTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newslens-launcher-" + Guid.NewGuid().ToString("N"));

    public LauncherTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "scripts"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "scripts", "newslens"), Launcher);
        Write("src/NewsLens.Cli/Program.cs", "// source");
        Write("src/NewsLens/Data/words.txt", "data");
        Write("notebooks/01.ipynb", "{}");
        Write("global.json", "{}");
        Write("Directory.Build.props", "<Project />");
        // The stand-in: logs "build" or "start <args>"; a build writes the program it would have built.
        Write("fake/dotnet", """
            #!/usr/bin/env bash
            root="$(cd "$(dirname "$0")/.." && pwd)"
            if [ "$1" = build ]; then
              echo build >> "$root/calls.log"
              mkdir -p "$root/src/NewsLens.Cli/bin/Release/net10.0" && touch "$root/src/NewsLens.Cli/bin/Release/net10.0/NewsLens.Cli.dll"
            else
              shift; echo "start $*" >> "$root/calls.log"
            fi
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows()) // a bash launcher; on Windows the test fails at its first call, as the script would
        {
            File.SetUnixFileMode(Path.Combine(_root, "fake", "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(Launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Backdate(DateTime.UtcNow.AddHours(-1));
    }

    private string Launcher => Path.Combine(_root, "scripts", "newslens");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    // Every file gets the same old time, so only what a step touches afterwards is newer than the build stamp.
    private void Backdate(DateTime when)
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, when);
    }

    private void Touch(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
            File.WriteAllText(path, "");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow); // an edit made now, after the (backdated) build
    }

    /// <summary>The calls the launcher made to dotnet for one invocation.</summary>
    private string[] Call(params string[] args)
    {
        var log = Path.Combine(_root, "calls.log");
        File.Delete(log);
        var start = new ProcessStartInfo(Launcher, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = Path.Combine(_root, "fake") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the launcher did not finish");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stderr.Result}");
        return File.ReadAllLines(log);
    }

    [Fact]
    public void BuildsOnFirstUseThenStartsTheBuiltCliDirectly()
    {
        Assert.Equal(["build", "start articles seeds --format csv"], Call("articles", "seeds", "--format", "csv"));
        Assert.Equal(["start articles seeds"], Call("articles", "seeds"));
        Assert.Equal(["start --version"], Call("--version"));
    }

    [Theory]
    [InlineData("src/NewsLens.Cli/Program.cs", true)]
    [InlineData("src/NewsLens/Data/words.txt", true)]
    [InlineData("notebooks/01.ipynb", true)]
    [InlineData("Directory.Build.props", true)]
    [InlineData("global.json", true)]
    [InlineData("src/NewsLens/obj/project.assets.json", false)]
    [InlineData("src/NewsLens.Cli/bin/Release/net10.0/other.dll", false)]
    [InlineData("tests/SomeTest.cs", false)]
    [InlineData("README.md", false)]
    public void RebuildsOnlyWhenASourceIsNewerThanTheBuild(string changed, bool rebuilds)
    {
        Call("articles", "seeds");
        Backdate(DateTime.UtcNow.AddMinutes(-30)); // the build, its stamp and every source: all older than the edit below
        Touch(changed);

        var calls = Call("articles", "seeds");

        Assert.Equal(rebuilds ? ["build", "start articles seeds"] : ["start articles seeds"], calls);
        Assert.Equal(["start articles seeds"], Call("articles", "seeds"));
    }
}
