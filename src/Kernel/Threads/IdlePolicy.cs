namespace Nacre.Threads
{
    /// <summary>What a CPU does when it has nothing to run.</summary>
    public enum IdlePolicy
    {
        /// <summary>Spin on its run queue: the lowest wake-up latency, and a wake-up needs no IPI.</summary>
        Poll,
        /// <summary>Halt until an interrupt: frees the core (and the host's core under a VMM); wake-ups cost an IPI.</summary>
        Halt,
    }
}
