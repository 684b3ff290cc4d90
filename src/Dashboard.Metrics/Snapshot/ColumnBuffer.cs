namespace Dashboard.Metrics.Snapshot;

/// <summary>A growable array for loading a column; <see cref="ToArray"/> trims it, optionally reordered.</summary>
internal sealed class ColumnBuffer<T>
{
    private T[] _items = new T[1024];

    public int Count { get; private set; }

    public T this[int index] => _items[index];

    public void Add(T value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }

    public T[] ToArray(int[]? order)
    {
        var result = new T[Count];
        if (order is null)
        {
            Array.Copy(_items, result, Count);
        }
        else
        {
            for (var i = 0; i < order.Length; i++)
            {
                result[i] = _items[order[i]];
            }
        }

        return result;
    }

    /// <summary>Null when already ascending (the loader reads in date order); else the permutation that sorts.</summary>
    public static int[]? SortOrder(ColumnBuffer<int> days)
    {
        for (var i = 1; i < days.Count; i++)
        {
            if (days._items[i] < days._items[i - 1])
            {
                var keys = days.ToArray(null);
                var order = Enumerable.Range(0, days.Count).ToArray();
                Array.Sort(keys, order);
                return order;
            }
        }

        return null;
    }
}
