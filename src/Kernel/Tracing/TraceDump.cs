using Nacre.Arch.X64;
using Nacre.Threads;

namespace Nacre.Tracing
{
    /// <summary>
    /// Writes every ring and the thread names to COM2 as the run ends, in the format the host's
    /// decoder reads (src/Host/Tracing/TraceFile.cs). Little-endian throughout:
    /// <code>
    /// "NACRTRC1" u32 version u32 cpus u64 tscHz u64 startTsc u32 rings u32 names
    /// rings × { u32 cpu u32 isInterrupt u64 head u64 count, count × (u64 stamp u32 a u32 b) }   oldest first
    /// names × { u32 threadId u32 length, length bytes (ASCII) }
    /// "NACREND1"
    /// </code>
    /// </summary>
    public static unsafe class TraceDump
    {
        public const uint Version = 1;

        /// <summary>Stops tracing and writes the dump if tracing was ever on and COM2 exists; true if written.</summary>
        public static bool WriteIfTracing()
        {
            if (RingOf0() == null || !Com2.Present) return false;
            Trace.Stop();
            // A CPU that read the flag just before may still be writing one event.
            Nacre.Timing.Time.Delay(20_000);
            Com2.Initialize();
            Write();
            return true;
        }

        private static TraceRing* RingOf0() => Trace.RingOf(0, interrupt: false);

        private static void Write()
        {
            int cpus = Cpus.Cpus.Count;
            int rings = 0;
            for (int c = 0; c < cpus; c++)
                for (int k = 0; k < 2; k++)
                    if (Trace.RingOf(c, k == 1) != null) rings++;
            int logged = TraceNames.Count < TraceNames.Capacity ? TraceNames.Count : TraceNames.Capacity;

            Ascii("NACRTRC1");
            U32(Version);
            U32((uint)cpus);
            U64(Nacre.Timing.Time.FrequencyHz);
            U64(Trace.StartTsc);
            U32((uint)rings);
            U32((uint)(logged + CountRegistryNames()));

            for (int c = 0; c < cpus; c++)
                for (int k = 0; k < 2; k++)
                {
                    TraceRing* r = Trace.RingOf(c, k == 1);
                    if (r == null) continue;
                    ulong head = r->Head, held = r->Held;
                    U32((uint)c);
                    U32((uint)k);
                    U64(head);
                    U64(held);
                    for (ulong i = head - held; i < head; i++)
                    {
                        TraceEvent* e = r->Events + (i & r->Mask);
                        U64(e->Stamp);
                        U32(e->A);
                        U32(e->B);
                    }
                }

            // The registry first, then the log: the decoder keeps the last name it reads per id.
            int registered = ThreadRegistry.Count;
            for (int i = 0; i < registered; i++)
            {
                Thread* t = ThreadRegistry.Get(i);
                string name = RegistryName(t);
                if (name != null) Name((uint)t->Id, name, t);
            }
            for (int i = 0; i < logged; i++)
            {
                string name = TraceNames.Get(i, out uint id);
                Name(id, name ?? "?", null);
            }
            Ascii("NACREND1");
        }

        private static int CountRegistryNames()
        {
            int n = 0, registered = ThreadRegistry.Count;
            for (int i = 0; i < registered; i++)
                if (RegistryName(ThreadRegistry.Get(i)) != null) n++;
            return n;
        }

        // Named threads, and the idle and boot threads, which nobody names.
        private static string RegistryName(Thread* t)
        {
            if (Thread.NameOf(t) != null) return Thread.NameOf(t);
            if (t->IsIdle || t->Id > (1 << 20)) return "";
            return null;
        }

        private static void Name(uint id, string name, Thread* t)
        {
            U32(id);
            if (name.Length == 0 && t != null)
            {
                // "idle N" / "boot N": a generated name, written without allocating.
                string prefix = t->IsIdle ? "idle " : "boot ";
                int cpu = t->Cpu;
                int digits = cpu >= 100 ? 3 : cpu >= 10 ? 2 : 1;
                U32((uint)(prefix.Length + digits));
                Ascii(prefix);
                for (int d = digits - 1; d >= 0; d--)
                {
                    int div = d == 2 ? 100 : d == 1 ? 10 : 1;
                    Com2.Write((byte)('0' + cpu / div % 10));
                }
                return;
            }
            U32((uint)name.Length);
            for (int i = 0; i < name.Length; i++) Com2.Write(name[i] < 128 ? (byte)name[i] : (byte)'?');
        }

        private static void Ascii(string s)
        {
            for (int i = 0; i < s.Length; i++) Com2.Write((byte)s[i]);
        }

        private static void U32(uint v)
        {
            for (int i = 0; i < 4; i++) Com2.Write((byte)(v >> (8 * i)));
        }

        private static void U64(ulong v)
        {
            for (int i = 0; i < 8; i++) Com2.Write((byte)(v >> (8 * i)));
        }
    }
}
