using System;
using Nacre.Apps;
using Nacre.Runtimes.Parallel;

/// <summary>
/// Legion-style circuit simulation: circuit [test|small|large] [workers]. Runs the parallel
/// simulation (timed), then the same loops serially on a second copy built from the same seed,
/// and checks that every node voltage and wire current agrees bit for bit.
/// </summary>
public static unsafe class Program
{
    public static int Main(string[] args)
    {
        if (App.Serve(args)) return 0;
        App.ParseArguments(args, "small", out string size, out int workers);
        int pieces, nodes, wires, loops, steps;
        switch (size)
        {
            case "test": pieces = 4; nodes = 32; wires = 128; loops = 3; steps = 100; break;
            case "small": pieces = 16; nodes = 256; wires = 1024; loops = 5; steps = 100; break;
            case "large": pieces = 32; nodes = 512; wires = 2048; loops = 5; steps = 200; break;
            default:
                // pieces-nodes-wires-loops-steps, for the grain sweep: small pieces are fine grain.
                string[] f = size.Split('-');
                int[] v = new int[5];
                bool ok = f.Length == 5;
                for (int i = 0; ok && i < 5; i++) ok = int.TryParse(f[i], out v[i]) && v[i] >= 1 && v[i] <= 1 << 20;
                if (!ok || v[1] < 2)
                {
                    Console.WriteLine($"circuit: unknown size {size} (test, small, large, or pieces-nodes-wires-loops-steps, at least 2 nodes a piece)");
                    return 2;
                }
                pieces = v[0]; nodes = v[1]; wires = v[2]; loops = v[3]; steps = v[4];
                break;
        }
        App.StartRuntime();
        Console.WriteLine($"app: circuit size={size} pieces={pieces} nodes={pieces * nodes} wires={pieces * wires} loops={loops} steps={steps} workers={workers} solver={App.Where}");

        long bytes = Circuit.ArenaBytes(pieces, nodes, wires);
        Arena arena = App.CreateArena(bytes);
        CircuitProblem* c = Circuit.Create(ref arena, pieces, nodes, wires, loops, steps);
        App.Solve("circuit_solve", &Circuit.Solve, c);
        App.PrintTime(c->Cycles);
        Console.WriteLine($"grain: syncs={2L * loops * workers}");   // two team loops per loop, every worker joins each
        bool finite = Circuit.Checksums(c, out double voltages, out double currents);
        Console.WriteLine($"verify: circuit nodes={c->Nodes} wires={c->Wires} voltages={App.Hex(voltages)} currents={App.Hex(currents)}");
        Console.WriteLine($"sums: voltages={App.Sci(voltages, 12)} currents={App.Sci(currents, 12)}");

        Arena serialArena = Arena.Create(bytes);
        CircuitProblem* s = Circuit.Create(ref serialArena, pieces, nodes, wires, loops, steps);
        Circuit.SolveSerially(s);
        long mismatches = 0;
        for (int n = 0; n < c->Nodes; n++) if (c->NodeVoltage[n] != s->NodeVoltage[n]) mismatches++;
        for (long i = 0; i < (long)c->Wires * CircuitProblem.WireSegments; i++) if (c->Current[i] != s->Current[i]) mismatches++;
        return App.PrintResult(finite && mismatches == 0, $"finite={finite}, {mismatches} values differ from the serial run");
    }
}
