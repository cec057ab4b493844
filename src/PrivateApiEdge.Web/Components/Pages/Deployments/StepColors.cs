using MudBlazor;

namespace PrivateApiEdge.Web.Components.Pages.Deployments;

/// <summary>One colour per step state, shared by the timeline and the architecture diagram.</summary>
public static class StepColors
{
    public static Color Of(StepState state) => state switch
    {
        StepState.Succeeded => Color.Success,
        StepState.Failed => Color.Error,
        StepState.Running or StepState.Waiting => Color.Info,
        _ => Color.Default,
    };
}
