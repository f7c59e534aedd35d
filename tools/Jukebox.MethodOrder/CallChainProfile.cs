using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Jukebox.MethodOrder;

/// <summary>
/// Writes crossgen2's call-chain profile: a JSON object whose properties map a caller to
/// <c>[[callee, ...], [count, ...]]</c>. crossgen2's CallFrequency layout walks the caller-callee pairs
/// from the highest count down, placing each caller and callee the first time it meets them, and puts
/// every method the profile does not name after them.
/// </summary>
/// <remarks>
/// The methods are written in runs of 64: one method of the run is the caller of all of them (itself
/// too), and the counts fall with the order of first use, so the image follows that order (the caller
/// moves to its run's start). crossgen2 drops a run whose caller it cannot find, so the caller is a
/// method of a plain type, where one is in the run: names of generic instantiations and compiler-made
/// types are the ones it may fail on. Each callee is on its own line, which keeps a regenerated file's
/// diff readable.
/// </remarks>
public static class CallChainProfile
{
    private const int RunLength = 64;

    // Type names hold <, >, ` and +; written as they are, the file reads like the names in a stack trace.
    private static readonly JsonSerializerOptions Names = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(IReadOnlyList<string> methods, Stream output)
    {
        var text = new StringBuilder("{\n");
        for (var start = 0; start < methods.Count; start += RunLength)
        {
            var end = Math.Min(start + RunLength, methods.Count);
            text.Append(JsonSerializer.Serialize(Caller(methods, start, end), Names)).Append(":[[\n");
            for (var i = start; i < end; i++)
            {
                text.Append(JsonSerializer.Serialize(methods[i], Names)).Append(i + 1 < end ? ",\n" : "\n");
            }
            text.Append("],[").AppendJoin(',', Enumerable.Range(start, end - start).Select(i => methods.Count - i));
            text.Append("]]").Append(end < methods.Count ? ",\n" : "\n");
        }
        text.Append("}\n");
        await output.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Caller(IReadOnlyList<string> methods, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (methods[i].IndexOfAny(['[', '<']) < 0)
            {
                return methods[i];
            }
        }
        return methods[start];
    }
}
