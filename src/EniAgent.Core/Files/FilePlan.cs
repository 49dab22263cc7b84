using System.Text;

namespace EniAgent.Core.Files;

/// <summary>What to do with every desired file and every file of ours that is no longer desired.</summary>
public sealed record FilePlan(ValueList<FileAction> Actions)
{
    public bool HasChanges => Actions.Any(a => a.ChangesDisk);

    public IEnumerable<FileAction> Conflicts => Actions.Where(a => a.Kind == FileActionKind.Conflict);

    /// <summary>Every change as one unified diff, files in path order, plus a line per conflict (for dry runs).</summary>
    public string Diff()
    {
        var text = new StringBuilder();
        foreach (var action in Actions)
        {
            if (action.ChangesDisk)
            {
                if (action.Kind == FileActionKind.Adopt)
                {
                    text.Append("# adopt ").Append(action.Path).Append(": original kept as ").Append(action.BackupPath).Append('\n');
                }

                text.Append(action.Diff());
                if (action.Kind is FileActionKind.Update && action.CurrentContent == action.NewContent)
                {
                    text.Append("# ").Append(action.Path).Append(": ").Append(action.Reason).Append('\n');
                }
            }
            else if (action.Kind == FileActionKind.Conflict)
            {
                text.Append("# conflict ").Append(action.Path).Append(": ").Append(action.Reason).Append('\n');
            }
        }

        return text.ToString();
    }
}
