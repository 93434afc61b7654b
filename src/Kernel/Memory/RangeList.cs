namespace Nacre.Memory
{
    /// <summary>
    /// A sorted set of disjoint [start, end) address ranges in fixed storage (it is used before any
    /// allocator exists). Adding merges touching ranges; removing cuts holes. Embed it in a static.
    /// </summary>
    public unsafe struct RangeList
    {
        public const int Capacity = 128;

        private fixed ulong _starts[Capacity];
        private fixed ulong _ends[Capacity];
        private int _count;

        public int Count => _count;
        public ulong Start(int i) => _starts[i];
        public ulong End(int i) => _ends[i];

        public void Clear() => _count = 0;

        /// <summary>Adds [start, end), merging with ranges it overlaps or touches.</summary>
        public void Add(ulong start, ulong end)
        {
            if (end <= start) return;
            // Absorb every range that overlaps or touches, then insert the union in order.
            int i = 0;
            while (i < _count)
            {
                if (_ends[i] >= start && _starts[i] <= end)
                {
                    if (_starts[i] < start) start = _starts[i];
                    if (_ends[i] > end) end = _ends[i];
                    RemoveAt(i);
                }
                else i++;
            }
            if (_count == Capacity) Diagnostics.Panic.Message("RangeList: too many ranges");
            int at = 0;
            while (at < _count && _starts[at] < start) at++;
            for (int k = _count; k > at; k--) { _starts[k] = _starts[k - 1]; _ends[k] = _ends[k - 1]; }
            _starts[at] = start;
            _ends[at] = end;
            _count++;
        }

        /// <summary>Removes [start, end) from every range (splitting one if the hole is inside it).</summary>
        public void Remove(ulong start, ulong end)
        {
            if (end <= start) return;
            for (int i = 0; i < _count; i++)
            {
                ulong s = _starts[i], e = _ends[i];
                if (e <= start || s >= end) continue;
                if (s < start && e > end)
                {
                    // The hole splits this range in two: keep the low part here, re-add the high part.
                    _ends[i] = start;
                    Add(end, e);
                    return;
                }
                if (s < start) _ends[i] = start;
                else if (e > end) _starts[i] = end;
                else { RemoveAt(i); i--; }
            }
        }

        /// <summary>Shrinks every range inward to whole pages, dropping those with none left.</summary>
        public void AlignInward(ulong pageSize)
        {
            for (int i = 0; i < _count; i++)
            {
                ulong s = (_starts[i] + pageSize - 1) & ~(pageSize - 1);
                ulong e = _ends[i] & ~(pageSize - 1);
                if (e <= s) { RemoveAt(i); i--; continue; }
                _starts[i] = s;
                _ends[i] = e;
            }
        }

        public ulong TotalBytes
        {
            get
            {
                ulong total = 0;
                for (int i = 0; i < _count; i++) total += _ends[i] - _starts[i];
                return total;
            }
        }

        private void RemoveAt(int i)
        {
            for (int k = i; k < _count - 1; k++) { _starts[k] = _starts[k + 1]; _ends[k] = _ends[k + 1]; }
            _count--;
        }
    }
}
