using System.Runtime.InteropServices;

/// <summary>
/// C exports over caller-owned memory: pointers into the caller's buffers (in an HRT, the
/// arena, which sits at the same address in both worlds). Each uses ordinary .NET inside —
/// LINQ, Parallel.For, exceptions, the GC.
/// </summary>
public static unsafe class Exports
{
    /// <summary>Multiplies data[0..count) by factor in place; returns the rounded sum.</summary>
    [UnmanagedCallersOnly(EntryPoint = "scale_and_sum")]
    public static long ScaleAndSum(double* data, long count, long factor)
    {
        var span = new Span<double>(data, checked((int)count));
        for (int i = 0; i < span.Length; i++) span[i] *= factor;
        return (long)Math.Round(span.ToArray().Sum());
    }

    /// <summary>Counts values[i] into bins[values[i] % binCount] on every CPU; returns the number of distinct bins hit.</summary>
    [UnmanagedCallersOnly(EntryPoint = "histogram")]
    public static long Histogram(int* values, long count, long* bins, long binCount)
    {
        var local = new long[binCount];
        var gate = new object();
        Parallel.For(0, (int)count, () => new long[binCount], (i, _, mine) => { mine[values[i] % binCount]++; return mine; },
            mine => { lock (gate) for (int b = 0; b < binCount; b++) local[b] += mine[b]; });
        for (int b = 0; b < binCount; b++) bins[b] = local[b];
        return local.Count(v => v > 0);
    }

    /// <summary>Words in the UTF-8 text, counted with string.Split and a dictionary; returns distinct words.</summary>
    [UnmanagedCallersOnly(EntryPoint = "distinct_words")]
    public static long DistinctWords(byte* utf8, long length)
    {
        string text = System.Text.Encoding.UTF8.GetString(utf8, checked((int)length));
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in text.Split(new[] { ' ', '\n', ',', '.' }, StringSplitOptions.RemoveEmptyEntries))
            counts[word] = counts.GetValueOrDefault(word) + 1;
        return counts.Count;
    }

    /// <summary>Throws and catches n exceptions (one null dereference among them); returns how many were caught.</summary>
    [UnmanagedCallersOnly(EntryPoint = "catch_many")]
    public static long CatchMany(long n)
    {
        long caught = 0;
        for (long i = 0; i < n; i++)
        {
            try
            {
                if (i == 0) { object? o = null; _ = o!.GetHashCode(); }
                throw new InvalidOperationException(i.ToString());
            }
            catch (Exception) { caught++; }
        }
        GC.Collect();
        return caught;
    }
}
