using System.Text;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold a comma, a quote
/// (doubled) or a line break. Yields each record with the line it starts on.
/// </summary>
internal static class CsvRows
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader)
    {
        var line = 1;
        while (reader.Peek() >= 0)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            while (true)
            {
                var c = reader.Read();
                if (c < 0)
                {
                    if (quoted)
                    {
                        throw new ImportException($"A quoted field opened on line {start} is not closed");
                    }
                    break;
                }
                if (quoted)
                {
                    if (c == '"' && reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else if (c == '"') { quoted = false; }
                    else { if (c == '\n') { line++; } field.Append((char)c); }
                }
                else if (c == '"' && field.Length == 0) { quoted = true; }
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else if (c == '\r' && reader.Peek() == '\n') { }
                else if (c == '\n') { line++; break; }
                else { field.Append((char)c); }
            }
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                yield return (start, fields);
            }
        }
    }
}
