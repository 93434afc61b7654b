using Nacre.Runtimes.Parallel;

namespace Nacre.Apps
{
    /// <summary>
    /// A circuit in the style of Legion's circuit example: Pieces pieces of NodesPerPiece nodes and
    /// WiresPerPiece wires; each wire joins a node of its piece to a node of the same piece (with
    /// probability PercentLocal %) or of a random other piece. A wire is WireSegments RLC segments.
    /// Each loop runs three phases: calculate new currents (per wire, Steps iterations of the RLC
    /// model), distribute charge (to each wire's two nodes) and update voltages (per node, with
    /// leakage). The random graph comes from drand48 with a fixed seed, as in Legion.
    ///
    /// Distributing charge is a reduction onto shared nodes; to make it deterministic each node
    /// gathers its wires' contributions in wire order (the node → wire lists are built once)
    /// instead of atomic adds, so the result has the same bits for any worker count or platform.
    /// </summary>
    public unsafe struct CircuitProblem
    {
        public const int WireSegments = 10;
        public const double DeltaT = 1e-6;

        public int Pieces, NodesPerPiece, WiresPerPiece, PercentLocal, Loops, Steps;
        public long Seed;
        public int Nodes, Wires;
        public double* NodeCapacitance, NodeLeakage, NodeCharge, NodeVoltage;
        public int* InNode, OutNode;
        public double* Inductance, Resistance, WireCapacitance;
        public double* Current;         // Wires × WireSegments
        public double* Voltage;         // Wires × (WireSegments - 1)
        public int* NodeWireStart;      // Nodes + 1
        public int* NodeWires;          // 2 × Wires entries: wire·2 + (0 = its in-node, 1 = its out-node)
        public ulong Cycles;
    }

    public static unsafe class Circuit
    {
        private const int Segments = CircuitProblem.WireSegments;

        /// <summary>drand48: the 48-bit linear congruential generator of the C library.</summary>
        private struct Drand48
        {
            private ulong _x;
            public Drand48(long seed) { _x = ((ulong)(uint)seed << 16) | 0x330E; }
            public double Next()
            {
                _x = (0x5DEECE66DUL * _x + 0xB) & 0xFFFFFFFFFFFFUL;
                return _x * (1.0 / 281474976710656.0);
            }
        }

        public static long ArenaBytes(int pieces, int nodesPerPiece, int wiresPerPiece)
        {
            long nodes = (long)pieces * nodesPerPiece, wires = (long)pieces * wiresPerPiece;
            return 4096 + nodes * (4 * 8 + 4) + wires * (2 * 4 + 3 * 8 + (2 * Segments - 1) * 8 + 2 * 4) + 64 * 24;
        }

        public static CircuitProblem* Create(ref Arena arena, int pieces, int nodesPerPiece, int wiresPerPiece, int loops, int steps)
        {
            CircuitProblem* c = arena.Allocate<CircuitProblem>(1);
            c->Pieces = pieces; c->NodesPerPiece = nodesPerPiece; c->WiresPerPiece = wiresPerPiece;
            c->PercentLocal = 95; c->Loops = loops; c->Steps = steps; c->Seed = 12345;
            int nodes = pieces * nodesPerPiece, wires = pieces * wiresPerPiece;
            c->Nodes = nodes; c->Wires = wires;
            c->NodeCapacitance = arena.Allocate<double>(nodes);
            c->NodeLeakage = arena.Allocate<double>(nodes);
            c->NodeCharge = arena.Allocate<double>(nodes);
            c->NodeVoltage = arena.Allocate<double>(nodes);
            c->InNode = arena.Allocate<int>(wires);
            c->OutNode = arena.Allocate<int>(wires);
            c->Inductance = arena.Allocate<double>(wires);
            c->Resistance = arena.Allocate<double>(wires);
            c->WireCapacitance = arena.Allocate<double>(wires);
            c->Current = arena.Allocate<double>((long)wires * Segments);
            c->Voltage = arena.Allocate<double>((long)wires * (Segments - 1));
            c->NodeWireStart = arena.Allocate<int>(nodes + 1);
            c->NodeWires = arena.Allocate<int>(2L * wires);

            var random = new Drand48(c->Seed);
            for (int n = 0; n < nodes; n++)
            {
                c->NodeCapacitance[n] = random.Next() + 1.0;
                c->NodeLeakage[n] = 0.1 * random.Next();
                c->NodeCharge[n] = 0.0;
                c->NodeVoltage[n] = 2.0 * random.Next() - 1.0;
            }
            for (int piece = 0; piece < pieces; piece++)
                for (int k = 0; k < wiresPerPiece; k++)
                {
                    int w = piece * wiresPerPiece + k;
                    c->Resistance[w] = random.Next() * 10.0 + 1.0;
                    // Inductance on the order of 1e-3·dt keeps the iteration away from resonance (as in Legion).
                    c->Inductance[w] = (random.Next() + 0.1) * CircuitProblem.DeltaT * 1e-3;
                    c->WireCapacitance[w] = random.Next() * 0.1 + 1e-3;
                    c->InNode[w] = piece * nodesPerPiece + (int)(random.Next() * nodesPerPiece);
                    if (pieces == 1 || 100.0 * random.Next() < c->PercentLocal)
                        c->OutNode[w] = piece * nodesPerPiece + (int)(random.Next() * nodesPerPiece);
                    else
                    {
                        int other = (int)(random.Next() * (pieces - 1));
                        if (other >= piece) other++;
                        c->OutNode[w] = other * nodesPerPiece + (int)(random.Next() * nodesPerPiece);
                    }
                }
            // Node → wires lists (counting sort by node, wires in ascending order within a node).
            for (int w = 0; w < wires; w++) { c->NodeWireStart[c->InNode[w] + 1]++; c->NodeWireStart[c->OutNode[w] + 1]++; }
            for (int n = 0; n < nodes; n++) c->NodeWireStart[n + 1] += c->NodeWireStart[n];
            int* fill = (int*)Runtime.Allocate((nuint)nodes * 4);
            for (int w = 0; w < wires; w++)
            {
                int a = c->InNode[w], b = c->OutNode[w];
                c->NodeWires[c->NodeWireStart[a] + fill[a]++] = 2 * w;
                c->NodeWires[c->NodeWireStart[b] + fill[b]++] = 2 * w + 1;
            }
            Runtime.Free(fill);
            return c;
        }

        /// <summary>Phase 1 for wires [lo, hi): Steps iterations of the segments' RLC equations.</summary>
        public static void CalculateNewCurrents(CircuitProblem* c, int lo, int hi)
        {
            double dt = CircuitProblem.DeltaT;
            double* newI = stackalloc double[Segments];
            double* oldI = stackalloc double[Segments];
            double* newV = stackalloc double[Segments + 1];
            double* oldV = stackalloc double[Segments - 1];
            for (int w = lo; w < hi; w++)
            {
                double* current = c->Current + (long)w * Segments;
                double* voltage = c->Voltage + (long)w * (Segments - 1);
                for (int i = 0; i < Segments; i++) newI[i] = oldI[i] = current[i];
                for (int i = 0; i < Segments - 1; i++) newV[i + 1] = oldV[i] = voltage[i];
                newV[0] = c->NodeVoltage[c->InNode[w]];
                newV[Segments] = c->NodeVoltage[c->OutNode[w]];
                double inductance = c->Inductance[w];
                double recipResistance = 1.0 / c->Resistance[w];
                double recipCapacitance = 1.0 / c->WireCapacitance[w];
                for (int step = 0; step < c->Steps; step++)
                {
                    // dV = R·I + L·dI/dt  ⇒  I = (dV - L·dI/dt) / R
                    for (int i = 0; i < Segments; i++)
                        newI[i] = ((newV[i + 1] - newV[i]) - inductance * (newI[i] - oldI[i]) / dt) * recipResistance;
                    // The voltages between segments from the charge the currents leave there.
                    for (int i = 0; i < Segments - 1; i++)
                        newV[i + 1] = oldV[i] + dt * (newI[i] - newI[i + 1]) * recipCapacitance;
                }
                for (int i = 0; i < Segments; i++) current[i] = newI[i];
                for (int i = 0; i < Segments - 1; i++) voltage[i] = newV[i + 1];
            }
        }

        /// <summary>Phases 2 and 3 for nodes [lo, hi): gather the wires' charge, then update the voltage.</summary>
        public static void DistributeChargeAndUpdateVoltages(CircuitProblem* c, int lo, int hi)
        {
            double dt = CircuitProblem.DeltaT;
            for (int n = lo; n < hi; n++)
            {
                double charge = c->NodeCharge[n];
                for (int k = c->NodeWireStart[n], end = c->NodeWireStart[n + 1]; k < end; k++)
                {
                    int e = c->NodeWires[k];
                    int w = e >> 1;
                    if ((e & 1) == 0) charge -= dt * c->Current[(long)w * Segments];                 // leaves the in-node
                    else charge += dt * c->Current[(long)w * Segments + Segments - 1];               // reaches the out-node
                }
                double voltage = c->NodeVoltage[n] + charge / c->NodeCapacitance[n];
                c->NodeVoltage[n] = voltage * (1.0 - c->NodeLeakage[n]);
                c->NodeCharge[n] = 0.0;
            }
        }

        private struct Currents : IForBody
        {
            public CircuitProblem* C;
            public void Run(int lo, int hi) => CalculateNewCurrents(C, lo, hi);
        }

        private struct Nodes : IForBody
        {
            public CircuitProblem* C;
            public void Run(int lo, int hi) => DistributeChargeAndUpdateVoltages(C, lo, hi);
        }

        private static void SolveOnWorkers(long problem)
        {
            var c = (CircuitProblem*)problem;
            var currents = new Currents { C = c };
            var nodes = new Nodes { C = c };
            for (int loop = 0; loop < c->Loops; loop++)
            {
                Parallel.For(0, c->Wires, ref currents, Schedule.Dynamic(64));
                Parallel.For(0, c->Nodes, ref nodes, Schedule.Static);
            }
        }

        /// <summary>Runs the simulation's loops on the runtime's workers.</summary>
        public static void Solve(CircuitProblem* c)
        {
            ulong start = Runtime.Cycles;
            Runtime.Run(&SolveOnWorkers, (long)c);
            c->Cycles = Runtime.Cycles - start;
        }

        /// <summary>The same loops serially, without the runtime: the reference a parallel run must equal bit for bit.</summary>
        public static void SolveSerially(CircuitProblem* c)
        {
            for (int loop = 0; loop < c->Loops; loop++)
            {
                CalculateNewCurrents(c, 0, c->Wires);
                DistributeChargeAndUpdateVoltages(c, 0, c->Nodes);
            }
        }

        /// <summary>Σ node voltages and Σ wire currents (serial sums), and whether every value is finite.</summary>
        public static bool Checksums(CircuitProblem* c, out double voltages, out double currents)
        {
            voltages = 0;
            currents = 0;
            for (int n = 0; n < c->Nodes; n++) voltages += c->NodeVoltage[n];
            for (long i = 0; i < (long)c->Wires * Segments; i++) currents += c->Current[i];
            return !double.IsNaN(voltages + currents) && !double.IsInfinity(voltages + currents);
        }
    }
}
