using Nacre.Tracing;

namespace Nacre.Bench
{
    /// <summary>
    /// What a trace event costs at a record site: a batch of Trace.Record calls timed together,
    /// the sample being the batch's cycles / its length (so the two stamps' cost is spread
    /// over the batch, not counted per event). With tracing off each is the flag test alone.
    /// </summary>
    public static class TraceBenchmarks
    {
        private const int Batch = 256;

        public static Result Record(Config config, bool on)
        {
            var r = new Result(on ? "trace.on" : "trace.off", config);
            bool was = Trace.On;
            if (on) Trace.Start(); else Trace.Stop();
            while (!r.Full)
            {
                long t0 = Bench.Now;
                for (uint i = 0; i < Batch; i++) Trace.Record(TraceKind.Mark, i, 0);
                long t1 = Bench.Now;
                r.Add((t1 - t0 + Batch / 2) / Batch);
            }
            if (was) Trace.Start(); else Trace.Stop();
            r.Note = "per event, in batches of 256";
            return r;
        }
    }
}
