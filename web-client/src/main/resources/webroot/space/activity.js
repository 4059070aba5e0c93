// Events of the log as sentences for people: "Grace Kim added Sam Lee as Member", with the actor's name from the
// space's members (never an id); "Cadre sent a meeting reminder" for what the server did itself.
import { t, hasKey } from '../i18n/i18n.js';

export function sentence(event, names) {
  const p = event.payload ?? {};
  const vars = {
    // No actor: Cadre did it itself (a reminder sent at the team's lead time).
    actor: event.actor == null ? t('app.name') : names.get(event.actor) ?? t('activity.someone'),
    name: p.name ?? names.get(p.userId) ?? t('activity.someone'),
    role: p.role && hasKey(`role.${p.role}`) ? t(`role.${p.role}`) : '',
    title: p.title ?? p.name ?? '',
    text: p.text ?? '',
  };
  const key = `activity.${event.type}`;
  return t(hasKey(key) ? key : 'activity.generic', vars);
}
