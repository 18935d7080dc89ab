using System.Text.RegularExpressions;

namespace Caseload.Core.Tests.Architecture;

/// <summary>
/// The core's parts depend on each other one way only (decision 0011): Domain and Rules at the bottom, Data and Shared
/// on them, Security on Data, the features on all of those, and Hosting (the composition root) on everything. A loop —
/// say Data reaching into a feature — fails here, naming the file.
/// </summary>
public sealed partial class NamespaceTests
{
    [Fact]
    public void The_core_namespaces_form_no_loop()
    {
        var edges = new Dictionary<(string From, string To), string>();
        foreach (var file in Directory.EnumerateFiles(CoreSource(), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = Comment().Replace(File.ReadAllText(file), "");
            if (NamespaceOf().Match(text) is not { Success: true } ns)
            {
                continue;
            }
            var from = Part(ns.Groups[1].Value);
            var used = Using().Matches(text).Select(m => Part(m.Groups[1].Value))
                .Concat(Qualified().Matches(text).Select(m => Part("Caseload.Core." + m.Groups[1].Value + ".X")));
            foreach (var to in used.Where(to => to != from && to != "Core"))
            {
                edges.TryAdd((from, to), Path.GetFileName(file));
            }
        }
        Assert.NotEmpty(edges);
        var loops = edges.Keys.Where(e => Reaches(edges.Keys, e.To, e.From)).Select(e => $"{e.From} → {e.To} ({edges[e]})").OrderBy(x => x).ToList();
        Assert.True(loops.Count == 0, "namespaces that depend on each other: " + string.Join("; ", loops));
    }

    [Fact]
    public void A_loop_would_be_found()
    {
        Assert.True(Reaches([("Data", "Features"), ("Features", "Shared"), ("Shared", "Data")], "Features", "Data"));
        Assert.False(Reaches([("Features", "Data"), ("Data", "Domain")], "Data", "Features"));
    }

    /// <summary>Caseload.Core.Features.Cases → "Features" (features may use each other, but not the layers below them
    /// use a feature); Caseload.Core.Data → "Data"; the root namespace (the shared exceptions) → "Core".</summary>
    private static string Part(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length >= 3 ? parts[2] : "Core";
    }

    private static bool Reaches(IEnumerable<(string From, string To)> edges, string start, string target)
    {
        var list = edges.ToList();
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var at))
        {
            if (at == target)
            {
                return true;
            }
            foreach (var next in list.Where(e => e.From == at).Select(e => e.To).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }
        return false;
    }

    private static string CoreSource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Caseload.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("the repository root (Caseload.slnx) is not above the tests"), "src", "Caseload.Core");
    }

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^namespace ([\w\.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceOf();

    [GeneratedRegex(@"^using (Caseload\.Core[\w\.]*);", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"(?<![\w\.])(Features|Security|Data|Rules|Exports|Domain|Shared|Hosting)\.[A-Z]\w+")]
    private static partial Regex Qualified();
}
