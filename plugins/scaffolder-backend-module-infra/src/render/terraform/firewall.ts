import {
  opensAdminPortsToTheWorld,
  type Design,
  type FirewallRule,
} from '@plinth/backstage-plugin-infra-common';

/**
 * The design's firewall rules, once each (by name, first environment wins), for the
 * modules every environment shares. A rule that would open SSH or RDP to the internet is
 * refused here, whatever the design says: the renderer is the last line before the file.
 */
export function firewallRulesOf(design: Design): FirewallRule[] {
  const byName = new Map<string, FirewallRule>();
  for (const env of design.environments) {
    for (const rule of env.firewallRules) {
      if (!byName.has(rule.name)) byName.set(rule.name, rule);
    }
  }
  const rules = [...byName.values()];
  for (const rule of rules) {
    if (opensAdminPortsToTheWorld(rule)) {
      throw new Error(
        `firewall rule ${rule.name} would open SSH/RDP to addresses outside the private ranges; Plinth never generates that`,
      );
    }
  }
  return rules;
}

/** A resource label for a rule: the rule's name made an identifier, prefixed to stay unique. */
export function ruleLabel(rule: FirewallRule, index: number): string {
  const safe = rule.name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, 40);
  return `r${index}_${safe}`;
}
