namespace NewsLens.Tests;

/// <summary>
/// The real .NET Interactive kernels, from the repository's tool manifest (.config/dotnet-tools.json): dotnet-repl and
/// Microsoft.dotnet-interactive (whose Jupyter kernel nbconvert runs). Restored once per test run.
/// </summary>
public static class KernelTools
{
    private static readonly Lazy<string?> Restored = new(Restore);

    /// <summary>Null when the tools are restored; otherwise why they cannot be.</summary>
    public static string? Problem => Restored.Value;

    private static string? Restore()
    {
        try
        {
            var (code, output, error) = ExternalTools.Run("dotnet", ["tool", "restore"], TimeSpan.FromMinutes(5), TestPaths.RepoRoot);
            return code == 0 ? null : $"`dotnet tool restore` failed: {(error + output).Trim()}";
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception)
        {
            return $"`dotnet tool restore` failed: {e.Message}";
        }
    }

    /// <summary>The built library the notebooks' setup cell references; built here when a Debug-only test run lacks it.</summary>
    public static void EnsureLibraryBuilt()
    {
        var dll = Path.Combine(TestPaths.RepoRoot, "src", "NewsLens.Interactive", "bin", "Release", "net10.0", "NewsLens.Interactive.dll");
        if (File.Exists(dll))
            return;
        var (code, output, error) = ExternalTools.Run("dotnet", ["build", "src/NewsLens.Interactive", "-c", "Release", "-v", "quiet", "-nologo"],
            TimeSpan.FromMinutes(10), TestPaths.RepoRoot);
        if (code != 0)
            throw new InvalidOperationException($"building the library for the notebooks failed:\n{output}\n{error}");
    }

    /// <summary>Registers the .NET (C#) Jupyter kernel of the manifest's dotnet-interactive, as the README's setup does.</summary>
    public static string? RegisterJupyterKernel()
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        Directory.CreateDirectory(Path.Combine(home, ".local", "share", "jupyter", "kernels"));
        var (code, output, error) = ExternalTools.Run("dotnet", ["tool", "run", "dotnet-interactive", "--", "jupyter", "install"],
            TimeSpan.FromMinutes(2), TestPaths.RepoRoot);
        return code == 0 ? null : $"`dotnet interactive jupyter install` failed: {(error + output).Trim()}";
    }
}

/// <summary>A fact that needs the real kernel tools; skips with the reason only when they cannot be restored.</summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute(string? debianTool = null)
    {
        if (KernelTools.Problem is { } problem)
            Skip = problem;
        else if (debianTool is not null && new ToolFactAttribute(debianTool).Skip is { } missing)
            Skip = missing;
    }
}

/// <summary>A theory that needs the real kernel tools; skips with the reason only when they cannot be restored.</summary>
public sealed class KernelTheoryAttribute : TheoryAttribute
{
    public KernelTheoryAttribute()
    {
        if (KernelTools.Problem is { } problem)
            Skip = problem;
    }
}
