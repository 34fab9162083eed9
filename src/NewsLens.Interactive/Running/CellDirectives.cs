using System.Text.RegularExpressions;

namespace NewsLens.Interactive.Running;

/// <summary>
/// The lines of a cell that Roslyn scripting does not understand (<c>#r "nuget: …"</c>, <c>#!</c> magics, <c>#i</c>)
/// or that the runner resolves itself (<c>#r "file.dll"</c>), taken out of the code. Each is replaced by an empty
/// line so compiler line numbers still match the cell.
/// </summary>
internal sealed record CellDirectives(
    string Code,
    IReadOnlyList<PackageDirective> Packages,
    IReadOnlyList<FileReferenceDirective> Files,
    IReadOnlyList<string> Problems)
{
    private static readonly Regex Reference = new(
        """^\s*#r\s+"(?<target>[^"]*)"\s*(//.*)?$""", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex Nuget = new(
        """^nuget\s*:\s*(?<name>[^,\s]+)\s*(,\s*(?<version>\S+))?\s*$""", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex Magic = new(@"^\s*#!(?<name>\S+)", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex PackageSource = new(@"^\s*#i\s", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public static CellDirectives Parse(string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var packages = new List<PackageDirective>();
        var files = new List<FileReferenceDirective>();
        var problems = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (Magic.Match(line) is { Success: true } magic)
            {
                var name = magic.Groups["name"].Value;
                if (name is not ("csharp" or "c#"))
                    problems.Add($"line {i + 1}: the magic command '#!{name}' is not supported by the runner (C# cells only)");
                lines[i] = "";
            }
            else if (PackageSource.IsMatch(line))
            {
                // Package sources come from the machine's NuGet configuration, as for any restore.
                lines[i] = "";
            }
            else if (Reference.Match(line) is { Success: true } reference)
            {
                var target = reference.Groups["target"].Value;
                if (target.StartsWith("nuget", StringComparison.OrdinalIgnoreCase) && target.TrimStart()[5..].TrimStart().StartsWith(':'))
                {
                    if (Nuget.Match(target) is { Success: true } package)
                        packages.Add(new PackageDirective(package.Groups["name"].Value,
                            package.Groups["version"].Success ? package.Groups["version"].Value : null, i + 1));
                    else
                        problems.Add($"line {i + 1}: cannot read the package reference '#r \"{target}\"' (expected \"nuget: Name, Version\")");
                }
                else
                {
                    files.Add(new FileReferenceDirective(target, i + 1));
                }

                lines[i] = "";
            }
        }

        return new CellDirectives(string.Join('\n', lines), packages, files, problems);
    }
}

internal sealed record PackageDirective(string Name, string? Version, int Line)
{
    public override string ToString() => Version is null ? Name : $"{Name}, {Version}";
}

internal sealed record FileReferenceDirective(string Path, int Line);
