namespace Jukebox.MethodOrder;

/// <summary>
/// The ahead-of-time compiled methods a trace shows the runtime starting, each once, in the order of
/// their first start, named as crossgen2 resolves call-chain profile entries: <c>Namespace.Type!Method</c>.
/// </summary>
/// <remarks>
/// crossgen2 finds a method by its type and name only (the first overload of that name), so overloads
/// fall together here too. Lightweight code generated at run time (<c>dynamicClass</c>) has no
/// compiled code to place and is left out.
/// </remarks>
public sealed class FirstUseOrder
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    public int Count => _names.Count;

    public void Add(string? typeName, string? methodName)
    {
        if (string.IsNullOrEmpty(typeName) || string.IsNullOrEmpty(methodName) || typeName == "dynamicClass")
        {
            return;
        }
        var name = typeName + "!" + methodName;
        if (_seen.Add(name))
        {
            _names.Add(name);
        }
    }
}
