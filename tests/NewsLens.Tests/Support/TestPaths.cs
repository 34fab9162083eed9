namespace NewsLens.Tests;

/// <summary>Where the repository, the sample corpus, the gold annotations and ../shared are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    public static string Notebooks => Path.Combine(RepoRoot, "notebooks");

    /// <summary>The gold annotations of the seeds, copied into the test fixtures so they run on any clone.</summary>
    public static string Gold => Path.Combine(AppContext.BaseDirectory, "Fixtures", "gold");

    /// <summary>The third-party data folder beside the clone (or $NEWSLENS_SHARED); null when absent.</summary>
    public static string? Shared { get; } = FindShared();

    public static string SharedPath(params string[] parts) =>
        Path.Combine([Shared ?? throw new InvalidOperationException("../shared is absent"), .. parts]);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindShared()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NEWSLENS_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            return fromEnv;
        var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(beside) ? beside : null;
    }
}

/// <summary>A fact that needs a file under ../shared (third-party data, never committed); skips with the reason when absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (TestPaths.Shared is null || !Path.Exists(Path.Combine(TestPaths.Shared, relativePath)))
            Skip = $"needs ../shared/{relativePath} (third-party data, not in the repository); absent on this clone";
    }
}
