using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsLens.Interactive.Running;

/// <summary>A <c>#r "nuget: …"</c> package could not be restored; the message names the package and NuGet's reason.</summary>
public sealed class PackageRestoreException(string message) : Exception(message);

/// <summary>
/// Resolves <c>#r "nuget: Name, Version"</c> for real: restores a generated project that references the packages
/// (with the machine's NuGet configuration and cache) and returns the runtime assemblies from its assets file.
/// </summary>
internal static class PackageRestorer
{
    public static IReadOnlyList<string> Restore(IReadOnlyList<PackageDirective> packages, TimeSpan timeout)
    {
        var key = string.Join(";", packages.Select(p => p.ToString().ToLowerInvariant()));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        var dir = Path.Combine(Path.GetTempPath(), "newslens-nuget", hash);
        Directory.CreateDirectory(dir);
        var items = string.Join("\n    ", packages.Select(p =>
            $"<PackageReference Include=\"{System.Security.SecurityElement.Escape(p.Name)}\" Version=\"{System.Security.SecurityElement.Escape(p.Version ?? "*")}\" />"));
        // Isolated from any Directory.Build.props / central package management above the temp folder.
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "restore.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net{Environment.Version.Major}.{Environment.Version.Minor}</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NoWarn>$(NoWarn);NU1603;NU1604</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """);

        var psi = new ProcessStartInfo("dotnet", ["restore", "restore.csproj", "-nologo", "-v", "quiet"])
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi) ?? throw new PackageRestoreException("cannot start 'dotnet restore'");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new PackageRestoreException($"restoring {Describe(packages)} took longer than {timeout.TotalSeconds:0} s");
        }

        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
        {
            var reasons = output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Contains(": error ") ? l[(l.IndexOf(": error ", StringComparison.Ordinal) + 2)..] : l)
                .Select(l => l.Replace($" [{Path.Combine(dir, "restore.csproj")}]", ""))
                .Distinct()
                .Take(3);
            throw new PackageRestoreException($"NuGet could not restore {Describe(packages)}: {string.Join("; ", reasons)}");
        }

        return RuntimeAssemblies(Path.Combine(dir, "obj", "project.assets.json"));
    }

    private static string Describe(IReadOnlyList<PackageDirective> packages) =>
        string.Join(", ", packages.Select(p => $"package '{p.Name}'" + (p.Version is null ? "" : $" version {p.Version}")));

    private static List<string> RuntimeAssemblies(string assetsPath)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsPath))!.AsObject();
        var packageFolder = assets["packageFolders"]!.AsObject().First().Key;
        var libraries = assets["libraries"]!.AsObject();
        var target = assets["targets"]!.AsObject().First().Value!.AsObject();
        var paths = new List<string>();
        foreach (var (name, entry) in target)
        {
            if (entry?["type"]?.GetValue<string>() != "package" || entry["runtime"] is not JsonObject runtime)
                continue;
            var libraryPath = libraries[name]!["path"]!.GetValue<string>();
            foreach (var (file, _) in runtime)
            {
                if (file.EndsWith("/_._", StringComparison.Ordinal))
                    continue;
                paths.Add(Path.Combine(packageFolder, libraryPath, file));
            }
        }

        return paths;
    }
}
