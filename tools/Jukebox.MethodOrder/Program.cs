// Reads EventPipe traces of the published server, taken with the runtime's ReadyToRun entry-point
// events on, and writes the ahead-of-time compiled methods they ran, in the order they first ran them
// (trace after trace), as the call-chain profile crossgen2 lays the composite image's code out by
// (--callchain-profile with --method-layout:CallFrequency). bench/method-order.sh takes the traces.
//
//   Jukebox.MethodOrder <method-order.json> <trace.nettrace>...
using Jukebox.MethodOrder;
using Microsoft.Diagnostics.Tracing;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Jukebox.MethodOrder <method-order.json> <trace.nettrace>...");
    return 2;
}

var methods = new FirstUseOrder();
foreach (var trace in args[1..])
{
    var before = methods.Count;
    using var source = new EventPipeEventSource(trace);
    source.Clr.MethodR2RGetEntryPoint += e => methods.Add(e.MethodNamespace, e.MethodName);
    try
    {
        source.Process();
    }
    catch (FormatException ex)
    {
        // A process stopped by a signal leaves its trace's last block unfinished; every event before
        // that point has been read.
        Console.Error.WriteLine($"{trace} ends early ({ex.Message}); the events before its end are used");
    }
    Console.WriteLine($"{trace}: {methods.Count - before} methods not in an earlier trace");
}

if (methods.Count == 0)
{
    Console.Error.WriteLine("no ReadyToRun entry-point events; take the traces with keyword 0x2000000000");
    return 1;
}

await using (var output = File.Create(args[0]))
{
    await CallChainProfile.WriteAsync(methods.Names, output);
}
Console.WriteLine($"{methods.Count} methods written to {args[0]}");
return 0;
