namespace Memory.Tests
{
    /// <summary>xorshift64*: deterministic pseudo-random numbers without allocation.</summary>
    internal struct Rng
    {
        private ulong _state;

        public Rng(ulong seed) { _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed; }

        public ulong Next()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return _state * 0x2545F4914F6CDD1DUL;
        }

        public int Below(int n) => (int)(Next() % (ulong)n);
    }
}
