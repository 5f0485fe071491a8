// English of tree-errors.th.ts (same keys, same {params}).
export const treeErrorsEn = {
  'not_found.openable': 'No such organisation, or you may not open it',
  'not_found.invitation': 'No such invitation',
  'not_found.template': 'No such template',
  not_a_parent_body: 'This organisation is not a parent body',
  'invite.self': 'An organisation cannot invite itself',
  'invite.cycle': '"{name}" cannot be invited: it is above this organisation (a cycle)',
  'invite.has_parent': '"{name}" already belongs to another parent body; it must leave it first',
  'invite.too_deep': '"{name}" cannot be invited: the tree would be deeper than {max} levels',
  'invite.pending': '"{name}" already has an invitation awaiting an answer',
  invitation_closed: 'This invitation was {status}',
  'invitation_status.accepted': 'accepted',
  'invitation_status.declined': 'declined',
  'invitation_status.revoked': 'revoked',
  'invitation_status.expired': 'expired',
  no_parent: 'This organisation belongs to no parent body',
  role_not_for_org: 'The role "{role}" is not for this kind of organisation',
  'template.nothing_to_publish': 'The template has no unpublished changes',
  'template.empty': 'The template has no measures yet; import an announcement first',
  'template.unpublished': 'This template is not published',
  'template.already_adopted': 'This template is already adopted',
  'template.not_adopted': 'This template has not been adopted',
  'template.unknown_change': 'The selected change was not found; someone may have decided it already',
  'template.unmapped': 'Responsible names without a group: {names}',
} as const;

/** The dictionary as the i18n checks read every pair. */
export default treeErrorsEn;
