// Live budget totals while the person types. Without this script the server shows the totals after saving.
// Money is counted in integer cents (BigInt), never in floating point: the sums equal the server's to the cent.

const NBSP = '\u00a0'
const DEBOUNCE_MS = 400

// "12 500,50", "12500.5", "1 000 €" → cents as a BigInt; null when it is not an amount. The same rules as the
// server (kannustin.core.money.to_money): spaces and € ignored, comma or point as the decimal mark, not both,
// at most two decimals.
export function parseCents (text) {
  if (typeof text !== 'string') return null
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '')
  if (cleaned === '' || (cleaned.includes(',') && cleaned.includes('.'))) return null
  const match = /^(-?)(\d*)(?:[.,](\d*))?$/.exec(cleaned)
  if (!match || (match[2] === '' && !match[3])) return null
  const [, sign, whole, fraction = ''] = match
  // "70,000": a thousands group, not cents; the server refuses it as a format problem (AmountFormatError).
  if (fraction.length > 2) return null
  const cents = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2))
  return sign ? -cents : cents
}

function group (digits, separator) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
}

// 123456750n → "1 234 567,50 €" (fi, sv) or "€1,234,567.50" (en), as kannustin.core.money.format_euros.
export function formatEuros (cents, language) {
  const negative = cents < 0n
  const absolute = negative ? -cents : cents
  const whole = (absolute / 100n).toString()
  const fraction = (absolute % 100n).toString().padStart(2, '0')
  const sign = negative ? '-' : ''
  if (language === 'en') return `${sign}€${group(whole, ',')}.${fraction}`
  return `${sign}${group(whole, NBSP)},${fraction}${NBSP}€`
}

// Hundredths of a per cent → "85,00 %" (fi, sv) or "85.00 %" (en).
function formatPercent (hundredths, language) {
  const whole = (hundredths / 100n).toString()
  const fraction = (hundredths % 100n).toString().padStart(2, '0')
  return `${whole}${language === 'en' ? '.' : ','}${fraction}${NBSP}%`
}

function setAll (root, selector, text) {
  root.querySelectorAll(selector).forEach((element) => { element.textContent = text })
}

function setUp (form) {
  const permille = BigInt(form.dataset.sharePermille || '850')
  const language = (document.documentElement.lang || 'fi').slice(0, 2)
  const money = (cents) => formatEuros(cents, language)
  const status = form.querySelector('[data-totals-status]')
  const warning = form.querySelector('[data-limit-warning]')
  const message = form.querySelector('[data-limit-message]')
  const requestedInput = form.querySelector('input[name="requested_amount"]')

  function recalculate () {
    const cells = new Map()
    let eligible = 0n
    form.querySelectorAll('[data-row]').forEach((row) => {
      const category = row.querySelector('select[name$="-category"]')
      const year = row.querySelector('select[name$="-year"]')
      const amount = row.querySelector('input[name$="-amount"]')
      const remove = row.querySelector('input[name$="-remove"]')
      const cents = amount ? parseCents(amount.value) : null
      // Only lines the server would accept count: a category, a year and an amount above zero.
      if ((remove && remove.checked) || !category || !category.value || !year || !year.value) return
      if (cents === null || cents <= 0n) return
      const key = `${category.value}|${year.value}`
      cells.set(key, (cells.get(key) || 0n) + cents)
      eligible += cents
    })
    const rowTotals = new Map()
    const yearTotals = new Map()
    form.querySelectorAll('[data-cell]').forEach((cell) => {
      const [category, year] = cell.dataset.cell.split('|')
      const cents = cells.get(cell.dataset.cell) || 0n
      cell.textContent = money(cents)
      rowTotals.set(category, (rowTotals.get(category) || 0n) + cents)
      yearTotals.set(year, (yearTotals.get(year) || 0n) + cents)
    })
    form.querySelectorAll('[data-row-total]').forEach((cell) => {
      cell.textContent = money(rowTotals.get(cell.dataset.rowTotal) || 0n)
    })
    form.querySelectorAll('[data-year-total]').forEach((cell) => {
      const strong = cell.querySelector('strong') || cell
      strong.textContent = money(yearTotals.get(cell.dataset.yearTotal) || 0n)
    })
    const maxGrant = (eligible * permille) / 1000n // rounded down to the cent, as on the server
    const requested = requestedInput ? parseCents(requestedInput.value) : null
    setAll(form, '[data-total="eligible"]', money(eligible))
    setAll(form, '[data-total="max_grant"]', money(maxGrant))
    setAll(form, '[data-total="requested"]', requested === null ? '–' : money(requested))
    if (requested !== null && requested > 0n && eligible > 0n) {
      const share = (requested * 20000n + eligible) / (2n * eligible) // hundredths of a per cent, rounded
      setAll(form, '[data-total="share"]', formatPercent(share, language))
    } else {
      setAll(form, '[data-total="share"]', '–')
    }
    // Own financing only when it is one: 0 to 100 % of the eligible costs (as actions.budget_summary).
    const own = requested !== null && requested >= 0n && requested <= eligible ? eligible - requested : null
    setAll(form, '[data-total="own"]', own === null ? '–' : money(own))
    const ownShare = own !== null && eligible > 0n ? (own * 20000n + eligible) / (2n * eligible) : null
    setAll(form, '[data-total="own_share"]', ownShare === null ? '' : `(${formatPercent(ownShare, language)})`)
    if (warning) {
      const exceeded = requested !== null && requested > maxGrant
      warning.hidden = !exceeded
      // Figures on the page are not saved yet: the warning must not say "the budget is saved".
      warning.querySelectorAll('[data-saved-note]').forEach((note) => { note.hidden = true })
      warning.querySelectorAll('[data-live-note]').forEach((note) => { note.hidden = false })
      if (exceeded && message && message.dataset.template) {
        message.textContent = message.dataset.template.replace('{limit}', money(maxGrant))
      }
    }
    if (status && status.dataset.liveText) status.textContent = status.dataset.liveText
  }

  let timer = null
  const later = () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(recalculate, DEBOUNCE_MS)
  }
  form.addEventListener('input', later)
  form.addEventListener('change', later)
}

if (typeof document !== 'undefined') document.querySelectorAll('form[data-budget]').forEach(setUp)
