import type { Role, TeamMember } from '../api/types';

/**
 * Whether the page offers edit controls (issue "Kontor as a server"): admins and managers change every
 * account, account managers only those whose team they are on, viewers nothing. The server decides
 * anyway (server/authorize.ts); this only keeps buttons away that would be refused. While the team is
 * still loading an account manager gets no controls rather than controls that may vanish.
 */
export function canEditAccount(
  user: { id: number; role: Role },
  team: readonly Pick<TeamMember, 'userId'>[] | undefined,
): boolean {
  if (user.role === 'admin' || user.role === 'manager') return true;
  if (user.role !== 'account_manager') return false;
  return team?.some((member) => member.userId === user.id) ?? false;
}
