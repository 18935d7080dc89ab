using Caseload.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Caseload.Web.Security;

/// <summary>
/// Each <see cref="Operation"/> as an authorisation policy of the same name (<c>[Authorize(Policy = nameof(Operation.X))]</c>),
/// decided by the core's one table (<see cref="Permissions"/>) for the signed-in member of staff, roles read fresh.
/// A refusal is a 404, like a student one may not see.
/// </summary>
internal static class OperationPolicies
{
    public static void AddOperationPolicies(this AuthorizationOptions options)
    {
        foreach (var operation in Enum.GetValues<Operation>())
        {
            options.AddPolicy(operation.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new Requirement(operation)));
        }
    }

    public sealed record Requirement(Operation Operation) : IAuthorizationRequirement;

    public sealed class Handler(CurrentViewer current) : AuthorizationHandler<Requirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
        {
            if (await current.ViewerAsync(default) is { } viewer && viewer.May(requirement.Operation))
            {
                context.Succeed(requirement);
            }
        }
    }
}
