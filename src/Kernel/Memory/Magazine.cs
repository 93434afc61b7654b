namespace Nacre.Memory
{
    /// <summary>
    /// A magazine (Bonwick and Adams, "Magazines and Vmem", 2001): a stack of free objects of one
    /// size class that one CPU allocates from and frees into without a lock. Its size class decides
    /// how many of the MaxRounds slots it uses (MagazineDepot.Capacity). 512 bytes, carved eight to
    /// a page by the depot and never returned to the page allocator.
    /// </summary>
    internal unsafe struct Magazine
    {
        public const int MaxRounds = 62;

        public Magazine* Next;      // in the depot's full or empty list
        public int Rounds;          // objects held: Round[0 .. Rounds-1]
        private int _unused;
        public fixed ulong Round[MaxRounds];
    }
}
