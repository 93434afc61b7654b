using System.Runtime.CompilerServices;
using System.Threading;
using Internal.Runtime;

namespace System
{
    // Multicast delegates, laid out as ilc's multicast invoke thunk reads them: the thunk walks
    // _helperObject as a Delegate.Wrapper[] for _extraFunctionPointerOrData entries, invoking each
    // in order and returning the last one's result; an exception from a target leaves the thunk
    // and skips the rest. The list is shared between delegates (a delegate is immutable, so only
    // free slots past a delegate's count are ever filled, and that by compare-exchange).
    public abstract unsafe partial class Delegate
    {
        // A struct around each entry: ilc's thunk expects exactly this (Delegate.Wrapper, field
        // Value), and it keeps stores into the list free of array-covariance checks.
        private struct Wrapper
        {
            public Delegate Value;
            public Wrapper(Delegate value) => Value = value;
        }

        private int InvocationCount => _helperObject is Wrapper[] ? (int)_extraFunctionPointerOrData : 1;

        public static Delegate Combine(Delegate a, Delegate b) => a is null ? b : a.CombineImpl(b);

        public static Delegate Combine(params Delegate[] delegates)
        {
            if (delegates == null || delegates.Length == 0) return null;
            Delegate result = delegates[0];
            for (int i = 1; i < delegates.Length; i++) result = Combine(result, delegates[i]);
            return result;
        }

        /// <summary>Removes the last occurrence of <paramref name="value"/>'s invocation list from <paramref name="source"/>'s.</summary>
        public static Delegate Remove(Delegate source, Delegate value)
        {
            if (source is null) return null;
            if (value is null) return source;
            if (source.GetMethodTable() != value.GetMethodTable())
                throw new ArgumentException("Delegates must be of the same type.");
            return source.RemoveImpl(value);
        }

        public static Delegate RemoveAll(Delegate source, Delegate value)
        {
            Delegate last;
            do
            {
                last = source;
                source = Remove(source, value);
            }
            while (!ReferenceEquals(last, source));
            return source;
        }

        public Delegate[] GetInvocationList()
        {
            if (_helperObject is not Wrapper[] invocationList) return new Delegate[] { this };
            var result = new Delegate[(int)_extraFunctionPointerOrData];
            for (int i = 0; i < result.Length; i++) result[i] = invocationList[i].Value;
            return result;
        }

        public bool HasSingleTarget => _helperObject is not Wrapper[];

        protected Delegate CombineImpl(Delegate d)
        {
            if (d is null) return this;
            if (this.GetMethodTable() != d.GetMethodTable())
                throw new ArgumentException("Delegates must be of the same type.");

            Wrapper[] followList = d._helperObject as Wrapper[];
            int followCount = d.InvocationCount;

            if (_helperObject is not Wrapper[] invocationList)
            {
                var list = new Wrapper[1 + followCount];
                list[0] = new Wrapper(this);
                CopyEntries(d, followList, followCount, list, 1);
                return NewMulticastDelegate(list, list.Length);
            }

            int count = (int)_extraFunctionPointerOrData;
            int resultCount = count + followCount;
            if (resultCount <= invocationList.Length && TryFillSlots(invocationList, count, d, followList, followCount))
                return NewMulticastDelegate(invocationList, resultCount);

            int allocCount = invocationList.Length;
            while (allocCount < resultCount) allocCount *= 2;
            var grown = new Wrapper[allocCount];
            for (int i = 0; i < count; i++) grown[i] = invocationList[i];
            CopyEntries(d, followList, followCount, grown, count);
            return NewMulticastDelegate(grown, resultCount);
        }

        protected Delegate RemoveImpl(Delegate d)
        {
            Wrapper[] invocationList = _helperObject as Wrapper[];
            Wrapper[] dList = d._helperObject as Wrapper[];
            if (invocationList == null)
                return dList == null && Equals(d) ? null : this;

            int count = (int)_extraFunctionPointerOrData;
            int dCount = d.InvocationCount;
            for (int i = count - dCount; i >= 0; i--)
            {
                if (!MatchesAt(invocationList, i, d, dList, dCount)) continue;
                int left = count - dCount;
                if (left == 0) return null;
                if (left == 1) return invocationList[i != 0 ? 0 : count - 1].Value;
                int allocCount = invocationList.Length;
                while (allocCount / 2 >= left) allocCount /= 2;
                var list = new Wrapper[allocCount];
                for (int k = 0; k < i; k++) list[k] = invocationList[k];
                for (int k = i + dCount; k < count; k++) list[k - dCount] = invocationList[k];
                return NewMulticastDelegate(list, left);
            }
            return this;
        }

        public override bool Equals(object obj)
        {
            if (obj is null) return false;
            if (ReferenceEquals(this, obj)) return true;
            if (obj.GetMethodTable() != this.GetMethodTable()) return false;
            Delegate d = Unsafe.As<Delegate>(obj);
            Wrapper[] invocationList = _helperObject as Wrapper[];
            Wrapper[] dList = d._helperObject as Wrapper[];
            if (invocationList == null)
                return dList == null && d._functionPointer == _functionPointer
                    && d._extraFunctionPointerOrData == _extraFunctionPointerOrData && Target == d.Target;
            return dList != null && d._extraFunctionPointerOrData == _extraFunctionPointerOrData
                && MatchesAt(invocationList, 0, d, dList, (int)_extraFunctionPointerOrData);
        }

        public override int GetHashCode()
        {
            if (_helperObject is Wrapper[] invocationList)
                return invocationList[0].Value.GetHashCode() * 31 + (int)_extraFunctionPointerOrData;
            return (int)_functionPointer ^ (int)_extraFunctionPointerOrData;
        }

        private Delegate NewMulticastDelegate(Wrapper[] invocationList, int count)
        {
            Delegate result = Unsafe.As<Delegate>(RuntimeAllocation.NewFast(this.GetMethodTable()));
            nint thunk = GetThunk(MulticastThunk);
            if (thunk == 0) ThrowHelpers.ThrowInvalidOperationException("This delegate type has no multicast invoke thunk.");
            result._functionPointer = thunk;
            result._firstParameter = result;
            result._helperObject = invocationList;
            result._extraFunctionPointerOrData = count;
            return result;
        }

        // d's entries (d itself when it is not multicast) into list from index start.
        private static void CopyEntries(Delegate d, Wrapper[] dList, int dCount, Wrapper[] list, int start)
        {
            if (dList == null) { list[start] = new Wrapper(d); return; }
            for (int i = 0; i < dCount; i++) list[start + i] = dList[i];
        }

        // Appends d's entries into the free slots of a shared list. A slot another delegate already
        // filled with the same target (the same handler added and removed before) can be shared;
        // anything else means the list must be copied.
        private static bool TryFillSlots(Wrapper[] list, int start, Delegate d, Wrapper[] dList, int dCount)
        {
            for (int i = 0; i < dCount; i++)
            {
                Delegate entry = dList == null ? d : dList[i].Value;
                ref Delegate slot = ref list[start + i].Value;
                if (slot == null && Interlocked.CompareExchange(ref slot, entry, null) == null) continue;
                Delegate present = slot;
                if (!ReferenceEquals(present._firstParameter, entry._firstParameter)
                    || !ReferenceEquals(present._helperObject, entry._helperObject)
                    || present._extraFunctionPointerOrData != entry._extraFunctionPointerOrData
                    || present._functionPointer != entry._functionPointer)
                    return false;
            }
            return true;
        }

        // Whether list[start..start+dCount) holds d's entries (d itself when it is not multicast).
        private static bool MatchesAt(Wrapper[] list, int start, Delegate d, Wrapper[] dList, int dCount)
        {
            for (int i = 0; i < dCount; i++)
                if (!list[start + i].Value.Equals(dList == null ? d : dList[i].Value)) return false;
            return true;
        }
    }

    public abstract class MulticastDelegate : Delegate { }
}
