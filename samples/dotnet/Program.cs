// Ordinary .NET: the thread pool, Parallel.For, Task.WhenAll, LINQ, a Dictionary, exceptions,
// the garbage collector under allocation pressure and formatted doubles.
using System.Diagnostics;

Console.WriteLine($"Hello from .NET {Environment.Version.Major}, args: [{string.Join(", ", args)}]");

// Parallel.For: a deterministic reduction (partial sums per index range, combined in order).
const int N = 2_000_000;
var partial = new double[64];
Parallel.For(0, partial.Length, chunk =>
{
    double sum = 0;
    for (int i = chunk; i < N; i += partial.Length) sum += 1.0 / ((double)i * i + 1);
    partial[chunk] = sum;
});
Console.WriteLine($"sum of 1/(i^2+1) over {N:N0} terms = {partial.Sum():F12}");

// Task.WhenAll over the thread pool.
var tasks = Enumerable.Range(1, 32).Select(k => Task.Run(() => Enumerable.Range(1, k * 1000).Count(IsPrime)));
int[] counts = await Task.WhenAll(tasks);
Console.WriteLine($"primes below 1000, 2000, ..., 32000: {string.Join(" ", counts.Take(5))} ... {counts[^1]}");

// LINQ and a Dictionary.
var words = "it was the best of times it was the worst of times it was the age of wisdom it was the age of foolishness".Split(' ');
var frequencies = new Dictionary<string, int>();
foreach (var w in words) frequencies[w] = frequencies.GetValueOrDefault(w) + 1;
Console.WriteLine("most frequent: " + string.Join(", ", frequencies.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(4).Select(p => $"{p.Key}={p.Value}")));

// Exceptions, caught: thrown, a null dereference and a division by zero.
int caught = 0;
foreach (var fail in new Action[] { () => throw new InvalidOperationException("thrown"), () => _ = ((string?)null)!.Length, () => _ = Divide(1, 0) })
{
    try { fail(); }
    catch (Exception e) { caught++; Console.WriteLine($"caught {e.GetType().Name}"); }
}

// The GC under pressure: far more allocated than kept alive.
long allocated = 0;
var survivors = new List<int[]>();
for (int i = 0; i < 200_000; i++)
{
    var block = new int[256 + i % 512];
    allocated += block.Length * sizeof(int);
    if (i % 10_000 == 0) survivors.Add(block);
}
GC.Collect();
Console.WriteLine($"allocated {allocated >> 20} MiB in short-lived arrays, kept {survivors.Count}, collections: {(GC.CollectionCount(0) > 0 ? "yes" : "no")}");

// Formatted doubles.
Console.WriteLine($"{Math.PI:F6} {Math.E:E4} {1.0 / 3} {Math.Sqrt(2):G5} {1e-7:R} {123456.789:N2}");
var watch = Stopwatch.StartNew();
Thread.Sleep(10);
Console.WriteLine($"slept at least 10 ms: {watch.ElapsedMilliseconds >= 10}");
return caught == 3 ? 0 : 1;

static bool IsPrime(int n)
{
    if (n < 2) return false;
    for (int d = 2; d * d <= n; d++) if (n % d == 0) return false;
    return true;
}

static int Divide(int a, int b) => a / b;
