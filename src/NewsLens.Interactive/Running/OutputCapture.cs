using System.Text;
using NewsLens.Interactive.Notebooks;

namespace NewsLens.Interactive.Running;

/// <summary>Collects what one cell writes (stdout, stderr, displays) in order, merging consecutive text of the same stream.</summary>
internal sealed class CellCapture
{
    private readonly List<CellOutput> _outputs = [];
    private readonly StringBuilder _pending = new();
    private string? _pendingStream;
    private readonly Lock _gate = new();

    public void Write(string stream, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return;
        lock (_gate)
        {
            if (_pendingStream != stream)
                FlushPending();
            _pendingStream = stream;
            _pending.Append(text);
        }
    }

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            FlushPending();
            _outputs.Add(output);
        }
    }

    public List<CellOutput> Take()
    {
        lock (_gate)
        {
            FlushPending();
            var copy = _outputs.ToList();
            _outputs.Clear();
            return copy;
        }
    }

    private void FlushPending()
    {
        if (_pendingStream is not null && _pending.Length > 0)
            _outputs.Add(new StreamOutput(_pendingStream, _pending.ToString()));
        _pending.Clear();
        _pendingStream = null;
    }

    /// <summary>The capture of the cell running on this logical call flow (null outside a cell).</summary>
    public static CellCapture? Current
    {
        get => CurrentSlot.Value;
        set => CurrentSlot.Value = value;
    }

    private static readonly AsyncLocal<CellCapture?> CurrentSlot = new();

    /// <summary>
    /// Routes Console.Out/Error through the current cell's capture until disposed. Routing by async flow rather than
    /// swapping Console.Out per cell keeps other threads' output (parallel tests, background work) out of the cell.
    /// </summary>
    public static IDisposable RouteConsole()
    {
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(new RoutingWriter(previousOut, "stdout"));
        Console.SetError(new RoutingWriter(previousError, "stderr"));
        return new Restore(() =>
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        });
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    private sealed class RoutingWriter(TextWriter fallback, string stream) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        public override void Write(char value)
        {
            if (Current is { } c) c.Write(stream, value.ToString());
            else fallback.Write(value);
        }

        public override void Write(string? value)
        {
            if (Current is { } c) c.Write(stream, value);
            else fallback.Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write(value + Environment.NewLine);

        public override void WriteLine() => Write(Environment.NewLine);

        public override void Flush()
        {
            if (Current is null) fallback.Flush();
        }
    }
}
