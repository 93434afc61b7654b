using System;
using System.Collections.Generic;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("Hello from Nacre: C# running as the kernel.");
        var squares = new List<int>();
        for (int i = 1; i <= 5; i++) squares.Add(i * i);
        int sum = 0;
        foreach (int s in squares) sum += s;
        Console.WriteLine($"sum of the first {squares.Count} squares = {sum}, in hex 0x{sum:X}, sqrt = {Math.Sqrt(sum):F3}");
        if (args.Length > 0) Console.WriteLine($"args: {string.Join(" ", args)}");
        return 0;
    }
}
