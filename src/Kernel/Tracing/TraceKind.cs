namespace Nacre.Tracing
{
    /// <summary>
    /// What a trace event records. The numbers are the dump format's (the host decoder in
    /// src/Host/Tracing has the same list): append, never renumber. A and B are the event's two
    /// 32-bit arguments.
    /// </summary>
    public enum TraceKind : byte
    {
        None = 0,
        ThreadCreate = 1,   // A: new thread's id, B: its entry function's address (low 32 bits) or 0
        ThreadStart = 2,    // A: thread id (first instruction of the thread, on its CPU)
        Switch = 3,         // A: thread switched away from, B: thread switched to
        Block = 4,          // A: thread id (it stops until woken)
        Wake = 5,           // A: woken thread's id, B: the CPU it is queued on
        Exit = 6,           // A: thread id
        IrqEnter = 7,       // A: vector
        IrqExit = 8,        // A: vector
        IpiSend = 9,        // A: target CPU (Trace.AllOtherCpus: a broadcast), B: vector
        TimerFire = 10,     // A: the callback's address (low 32 bits)
        IdleEnter = 11,     // the idle loop found nothing to do
        IdleExit = 12,      // ... and now has something
        InvokeBegin = 13,   // A: the invoked function's address (low 32 bits)
        InvokeEnd = 14,     // A: the same
        TaskSpawn = 15,     // A: job (low 32 bits of its address), B: worker
        TaskSteal = 16,     // A: job, B: the worker it was stolen from
        TaskBegin = 17,     // A: job, B: its function's address (low 32 bits)
        TaskEnd = 18,       // A: job
        Mark = 19,          // A, B: whatever the caller wants (Trace.Mark)
    }
}
