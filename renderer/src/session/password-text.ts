import type { Label } from '../i18n/use-labels';

/** UI text of changing one's own password (修改密码), and of the first login with a password an administrator set. */
export const PASSWORD_TEXT = {
  change: { zh: '修改密码', en: 'Change password' },
  firstTitle: { zh: '请修改初始密码', en: 'Change your initial password' },
  firstHint: {
    zh: '您的密码由系统管理员设置。为保证只有您本人知道密码，请先设置新密码，之后方可办理业务。',
    en: 'Your password was set by an administrator. So that only you know it, set a new one before you start work.',
  },
  current: { zh: '当前密码', en: 'Current password' },
  next: { zh: '新密码', en: 'New password' },
  repeat: { zh: '再次输入新密码', en: 'New password again' },
  rule: {
    zh: '至少 8 位，含大写字母、小写字母、数字、符号中的三类，不含用户名。修改后您在其他电脑上的登录将结束。',
    en: 'At least 8 characters of three kinds (capitals, small letters, digits, symbols), without the username. Your logins on other computers end.',
  },
  differ: { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  submit: { zh: '确认修改', en: 'Change it' },
  done: { zh: '密码已修改', en: 'Password changed' },
  logout: { zh: '退出登录', en: 'Log out' },
} satisfies Record<string, Label>;
