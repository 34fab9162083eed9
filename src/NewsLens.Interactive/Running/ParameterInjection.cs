using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NewsLens.Interactive.Notebooks;

namespace NewsLens.Interactive.Running;

/// <summary>
/// Papermill's convention for C#: the cell tagged <c>parameters</c> declares the variables with defaults; given values are
/// written as a new cell tagged <c>injected-parameters</c> right after it, redeclaring those variables with the same types.
/// </summary>
internal static class ParameterInjection
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    public static void Apply(Notebook notebook, IReadOnlyDictionary<string, string> values)
    {
        // A previously executed notebook carries an injected cell: it is replaced, never stacked.
        notebook.Cells.RemoveAll(c => c.Tags.Contains(InjectedTag));
        if (values.Count == 0)
            return;

        var index = notebook.Cells.FindIndex(IsParametersCell);
        if (index < 0)
            throw new ArgumentException($"{notebook.Path}: --param given but no cell is tagged '{ParametersTag}' (in a .dib file: no cell starts with '// {ParametersTag}')");
        var declared = Declarations(notebook.Cells[index].Source);
        var lines = new List<string> { "// Parameters injected by `newslens notebook run`" };
        foreach (var (name, value) in values)
        {
            if (!declared.TryGetValue(name, out var declaration))
                throw new ArgumentException($"{notebook.Path}: unknown parameter '{name}'; the parameters cell declares: {string.Join(", ", declared.Keys)}");
            lines.Add($"{declaration.Type} {name} = {Literal(name, declaration.Type, value)};");
        }

        notebook.Cells.Insert(index + 1, new NotebookCell
        {
            Kind = CellKind.Code,
            Source = string.Join("\n", lines),
            Language = "csharp",
            Tags = [InjectedTag],
            Id = "injected-parameters",
        });
    }

    /// <summary>Tagged <c>parameters</c>, or (.dib files have no tags) starting with the line <c>// parameters</c>.</summary>
    internal static bool IsParametersCell(NotebookCell cell) =>
        cell.IsCode && (cell.Tags.Contains(ParametersTag) ||
            cell.Source.TrimStart().Split('\n', 2)[0].Trim().Equals("// " + ParametersTag, StringComparison.OrdinalIgnoreCase));

    /// <summary>Top-level variables of the parameters cell: name → declared type (from the initializer's literal when <c>var</c>).</summary>
    internal static Dictionary<string, (string Type, string? Initializer)> Declarations(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(WithoutDirectives(source), CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        var result = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            if (declaration.Parent is not (LocalDeclarationStatementSyntax or FieldDeclarationSyntax) ||
                declaration.Ancestors().Any(a => a is BlockSyntax or TypeDeclarationSyntax or MethodDeclarationSyntax))
                continue;
            foreach (var variable in declaration.Variables)
            {
                var type = declaration.Type.ToString();
                if (type == "var")
                {
                    type = (variable.Initializer?.Value as LiteralExpressionSyntax)?.Token.Value switch
                    {
                        string => "string",
                        bool => "bool",
                        int => "int",
                        long => "long",
                        double => "double",
                        decimal => "decimal",
                        _ => "var",
                    };
                }

                result[variable.Identifier.Text] = (type, variable.Initializer?.Value.ToString());
            }
        }

        return result;
    }

    /// <summary>The cell without its kernel directives (#r, #i, #! magics), which are not C#; lines stay where they were.</summary>
    private static string WithoutDirectives(string source) => string.Join('\n', source.ReplaceLineEndings("\n").Split('\n')
        .Select(line => line.TrimStart() is var t && (t.StartsWith("#r", StringComparison.Ordinal) || t.StartsWith("#i", StringComparison.Ordinal) || t.StartsWith("#!", StringComparison.Ordinal)) ? "" : line));

    private static string Literal(string name, string type, string value)
    {
        string Fail(string what) => throw new ArgumentException($"parameter '{name}' is declared {type}: '{value}' is not {what}");
        return type switch
        {
            "string" or "string?" => SymbolDisplay.FormatLiteral(value, quote: true),
            // Lists of paths are written like PATH: separated by ':' (';' on Windows).
            "string[]" => "new string[] { " + string.Join(", ", value.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(v => SymbolDisplay.FormatLiteral(v, quote: true))) + " }",
            "bool" => bool.TryParse(value, out var b) ? (b ? "true" : "false") : Fail("true or false"),
            "int" or "long" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) : Fail("a whole number"),
            "double" or "float" or "decimal" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d.ToString("R", CultureInfo.InvariantCulture) + (type == "float" ? "f" : type == "decimal" ? "m" : "")
                : Fail("a number"),
            // Any other declared type: the value is taken as a C# expression of that type.
            _ => value,
        };
    }
}
