namespace NewsLens;

/// <summary>A problem met while loading: names the file (and line where known) and what went wrong.</summary>
public sealed record Diagnostic(string File, int? Line, DiagnosticSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()}: {File}{(Line is { } l ? $":{l}" : "")}: {Message}";
}

public enum DiagnosticSeverity
{
    /// <summary>Something was recovered imperfectly, the article still loaded.</summary>
    Warning,

    /// <summary>A file or record was skipped.</summary>
    Skipped,
}
