using System.Reflection;
using System.Text;
using NewsLens.Interactive;

namespace NewsLens.Tests.Api;

/// <summary>
/// The public surface of the library and the notebook assembly, written out as text and compared with the approved
/// copy, so every API change shows up as a diff in review. To accept a change: run the tests with NEWSLENS_APPROVE=1.
/// </summary>
public class PublicApiTests
{
    [Theory]
    [InlineData("NewsLens")]
    [InlineData("NewsLens.Interactive")]
    public void PublicApiMatchesTheApprovedCopy(string assemblyName)
    {
        var assembly = assemblyName == "NewsLens" ? typeof(Article).Assembly : typeof(Formatters).Assembly;
        var actual = Describe(assembly);
        var approved = Path.Combine(TestPaths.RepoRoot, "tests", "NewsLens.Tests", "Api", $"{assemblyName}.approved.txt");
        if (Environment.GetEnvironmentVariable("NEWSLENS_APPROVE") == "1")
            File.WriteAllText(approved, actual);

        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : "";
        if (expected != actual)
        {
            var received = Path.ChangeExtension(approved, ".received.txt");
            File.WriteAllText(received, actual);
            var firstDifference = FirstDifferentLine(expected, actual);
            Assert.Fail($"The public API of {assemblyName} changed (first difference: {firstDifference}). " +
                        $"Compare {received} with {approved}; run with NEWSLENS_APPROVE=1 to accept.");
        }
    }

    internal static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type)).Append('\n');
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Where(m => !IsCompilerNoise(type, m))
                .Select(Member)
                .Distinct()
                .OrderBy(m => m, StringComparer.Ordinal);
            foreach (var member in members)
                text.Append("  ").Append(member).Append('\n');
        }

        return text.ToString();
    }

    private static bool IsCompilerNoise(Type type, MemberInfo member) =>
        member.Name is "<Clone>$" or "EqualityContract" or "Deconstruct" ||
        (type.IsEnum && member is FieldInfo { IsSpecialName: true }) ||
        (type.IsSubclassOf(typeof(Delegate)) && member is MethodInfo or ConstructorInfo);

    private static string Kind(Type type) => type switch
    {
        { IsEnum: true } => "enum",
        { IsInterface: true } => "interface",
        { IsValueType: true } => IsRecord(type) ? "record struct" : "struct",
        _ when type.IsSubclassOf(typeof(Delegate)) => "delegate",
        { IsAbstract: true, IsSealed: true } => "static class",
        _ => IsRecord(type) ? "record" : "class",
    };

    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}{Generics(m)}({Parameters(m)})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? "set; " : "")}}}",
        FieldInfo f when f.DeclaringType!.IsEnum => f.Name,
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type nested => $"nested {Name(nested)}",
        _ => member.ToString() ?? member.Name,
    };

    private static string Generics(MethodInfo method) =>
        method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = …" : "")}"));

    private static string Name(Type type)
    {
        if (type.IsByRef)
            return "ref " + Name(type.GetElementType()!);
        if (type.IsArray)
            return Name(type.GetElementType()!) + "[]";
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Name(underlying) + "?";
        if (type.IsGenericParameter)
            return type.Name;
        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace is "System" or "System.Collections.Generic" ? type.Name : type.FullName ?? type.Name;
        if (!type.IsGenericType)
            return name;
        var tick = name.IndexOf('`');
        var bare = tick < 0 ? name : name[..tick];
        return $"{bare}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }

    private static string FirstDifferentLine(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end)";
            var right = i < a.Length ? a[i] : "(end)";
            if (left != right)
                return $"line {i + 1}: approved '{left}', now '{right}'";
        }

        return "none";
    }
}
