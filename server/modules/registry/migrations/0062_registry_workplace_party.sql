-- Workplace party organisations (单位党组织: an agency's, a school's, a company's): issue 22's 双报到 has them report
-- to a community, and their members who live there report to it too. They stand outside the street's four-level
-- tree (their own superior is a department's working committee), so a workplace organisation has no parent.
alter table reg_organisations drop constraint if exists reg_organisations_party_level_check;
alter table reg_organisations add constraint reg_organisations_party_level_check
  check (party_level in ('street_committee', 'community_branch', 'compound_branch', 'building_group', 'workplace'));
