using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NewsLens.Cli.Inputs;

/// <summary>
/// Options built one way for every verb: choices shown and parsed in lower case, whole numbers with a named placeholder and
/// a minimum, file and folder placeholders. Messages name the option and the accepted values, never a CLR type.
/// </summary>
internal static class CliOptions
{
    /// <summary>A whole number option with a default (<c>--window &lt;n&gt;</c>).</summary>
    public static Option<int> Count(string name, string description, int defaultValue, int minimum = 1, params string[] aliases)
    {
        var option = new Option<int>(name, aliases)
        {
            Description = description,
            HelpName = "n",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseCount(result, name, minimum) ?? defaultValue,
        };
        return option;
    }

    /// <summary>A whole number option that may be left out (<c>--top &lt;n&gt;</c>).</summary>
    public static Option<int?> OptionalCount(string name, string description, int minimum = 1) => new(name)
    {
        Description = description,
        HelpName = "n",
        CustomParser = result => ParseCount(result, name, minimum),
    };

    /// <summary>A file given by the user (<c>--catalog &lt;file&gt;</c>).</summary>
    public static Option<string?> File(string name, string description, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        HelpName = "file",
    };

    private static int? ParseCount(ArgumentResult result, string name, int minimum)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name}: '{text}' is not a whole number");
            return null;
        }

        if (value < minimum)
        {
            result.AddError($"{name} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }
}

/// <summary>
/// An option whose value is one of an enum's members, written in lower case in help, completions and errors
/// (<c>--by &lt;sentence|article|actor|outlet&gt; [default: article]</c>); parsing ignores case.
/// </summary>
internal sealed class ChoiceOption<T> : Option<string>
    where T : struct, Enum
{
    public ChoiceOption(string name, string description, T? defaultValue = null, params string[] aliases)
        : base(name, aliases)
    {
        Description = description;
        HelpName = string.Join('|', Names);
        if (defaultValue is { } value)
            DefaultValueFactory = _ => NameOf(value);
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
            var match = Names.FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (match is null)
                result.AddError($"{name}: '{text}' is not one of {string.Join(", ", Names)}");
            return match ?? "";
        };
        CompletionSources.Add([.. Names]);
    }

    /// <summary>The members' names in lower case, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<T>().Select(NameOf).ToArray();

    public static string NameOf(T value) => value.ToString().ToLowerInvariant();

    /// <summary>The chosen member, or null when the option was left out and has no default.</summary>
    public T? Get(ParseResult parse) =>
        parse.GetValue(this) is { Length: > 0 } text ? Enum.Parse<T>(text, ignoreCase: true) : null;

    /// <summary>The chosen member of an option with a default.</summary>
    public T Value(ParseResult parse) => Get(parse) ?? throw new InvalidOperationException($"{Name} has no default");

    /// <summary>True when the user typed the option (not only its default).</summary>
    public bool Given(ParseResult parse) => parse.GetResult(this) is { Implicit: false };
}
