namespace System.Collections
{
    /// <summary>
    /// The non-generic enumeration interfaces. Nothing in the kernel enumerates through them (every
    /// collection has a struct enumerator found by pattern, with no boxing), but the C# compiler
    /// requires them to exist to compile `foreach` over an array.
    /// </summary>
    public interface IEnumerable
    {
        IEnumerator GetEnumerator();
    }

    public interface IEnumerator
    {
        bool MoveNext();
        object Current { get; }
        void Reset();
    }
}
