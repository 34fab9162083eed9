namespace NewsLens.Testing;

/// <summary>
/// The repository root and the third-party data folder (../shared beside the clone, or $NEWSLENS_SHARED), found
/// from the running assembly. One source file, compiled into both the tests and the benchmarks.
/// </summary>
internal static class RepositoryFolders
{
    public static string Root { get; } = FindRoot();

    /// <summary>Null when neither $NEWSLENS_SHARED nor ../shared exists.</summary>
    public static string? Shared { get; } = FindShared();

    private static string FindRoot()
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
        var fromEnvironment = Environment.GetEnvironmentVariable("NEWSLENS_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
            return fromEnvironment;
        var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        return Directory.Exists(beside) ? beside : null;
    }
}
