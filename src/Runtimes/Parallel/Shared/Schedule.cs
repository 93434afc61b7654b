namespace Nacre.Runtimes.Parallel
{
    public enum ScheduleKind
    {
        /// <summary>Worker w gets the w-th contiguous share (or, with a chunk size, chunks w, w+W, w+2W, …): the same indices every time for the same range and worker count.</summary>
        Static,
        /// <summary>Workers take Chunk iterations at a time from a shared counter.</summary>
        Dynamic,
        /// <summary>Workers take ceil(remaining / workers) iterations at a time, never fewer than Chunk.</summary>
        Guided,
    }

    /// <summary>How Parallel.For divides its iterations among the workers (OpenMP's schedule clause).</summary>
    public readonly struct Schedule
    {
        public readonly ScheduleKind Kind;
        public readonly int Chunk;

        public Schedule(ScheduleKind kind, int chunk)
        {
            Kind = kind;
            Chunk = chunk < 0 ? 0 : chunk;
        }

        /// <summary>One contiguous share per worker (the default).</summary>
        public static Schedule Static => new Schedule(ScheduleKind.Static, 0);
        /// <summary>Round-robin chunks of chunk iterations.</summary>
        public static Schedule StaticChunks(int chunk) => new Schedule(ScheduleKind.Static, chunk);
        public static Schedule Dynamic(int chunk = 1) => new Schedule(ScheduleKind.Dynamic, chunk);
        public static Schedule Guided(int minimumChunk = 1) => new Schedule(ScheduleKind.Guided, minimumChunk);

        public override string ToString() => Kind switch
        {
            ScheduleKind.Static => Chunk == 0 ? "static" : "static," + Chunk,
            ScheduleKind.Dynamic => "dynamic," + Chunk,
            _ => "guided," + Chunk,
        };
    }
}
