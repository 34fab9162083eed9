using System.Diagnostics;

namespace NewsLens.Tests;

/// <summary>Debian tools some tests check against (.ci/run installs them): Chromium, python3-nbformat, jupyter-nbconvert.</summary>
public static class ExternalTools
{
    /// <summary>Debian's Python: `python3` on PATH may be another install without Debian's packages.</summary>
    public const string Python = "/usr/bin/python3";

    public static string? Chromium { get; } = Which("chromium") ?? Which("chromium-browser");

    public static string? NbConvert { get; } = Which("jupyter-nbconvert");

    public static bool HasNbformat { get; } = File.Exists(Python) && Run(Python, ["-c", "import nbformat"], TimeSpan.FromSeconds(30)).Code == 0;

    public static (int Code, string Output, string Error) Run(string file, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
            psi.WorkingDirectory = workingDirectory;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} ran past {timeout}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that needs a Debian tool; skips with the reason when the tool is absent.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        var present = tool switch
        {
            "chromium" => ExternalTools.Chromium is not null,
            "nbformat" => ExternalTools.HasNbformat,
            "nbconvert" => ExternalTools.NbConvert is not null && ExternalTools.HasNbformat,
            _ => false,
        };
        if (!present)
            Skip = $"needs {tool} (Debian package; .ci/run installs it); absent on this machine";
    }
}
