// Enhancements of the application's structured parts. Both work without this script:
// - "Add another" (indicators, contact people, cost lines) saves and reloads the page with one more empty row;
//   here it adds the empty row at once, copied from the form's <template>.
// - The municipality search is a GET form; here the results follow the typing, fetched as an HTML fragment.

const MAX_ROWS = 100

function setUpRows (form) {
  const prefix = form.dataset.repeating
  const total = form.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`)
  const template = form.querySelector('template[data-row-template]')
  const container = form.querySelector('[data-rows]')
  const button = form.querySelector('[data-add-row]')
  if (!total || !template || !container || !button) return
  button.addEventListener('click', (event) => {
    const index = parseInt(total.value, 10)
    if (Number.isNaN(index) || index >= MAX_ROWS) return // let the server answer
    event.preventDefault()
    const html = template.innerHTML
      .replaceAll('__prefix__', String(index))
      .replaceAll('__number__', String(index + 1))
    container.insertAdjacentHTML('beforeend', html)
    total.value = String(index + 1)
    const row = container.lastElementChild
    const first = row && row.querySelector('input:not([type="hidden"]), select, textarea')
    if (first) first.focus()
    form.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

function setUpSearch (form) {
  const base = form.dataset.municipalitySearch
  const input = form.querySelector('input[name="q"]')
  const results = document.getElementById('organisation-results')
  const remembered = document.querySelector('[data-search-query]')
  if (!base || !input || !results) return
  let timer = null
  let controller = null
  input.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(async () => {
      const query = input.value.trim()
      if (controller) controller.abort()
      controller = new AbortController()
      const separator = base.includes('?') ? '&' : '?'
      try {
        const response = await fetch(`${base}${separator}q=${encodeURIComponent(query)}`, {
          signal: controller.signal,
          credentials: 'same-origin',
          headers: { Accept: 'text/html' }
        })
        if (!response.ok) return
        results.innerHTML = await response.text()
        if (remembered) remembered.value = query
      } catch (error) {
        // Aborted by newer typing, or offline: the Search button still works.
      }
    }, 300)
  })
}

document.querySelectorAll('form[data-repeating]').forEach(setUpRows)
document.querySelectorAll('form[data-municipality-search]').forEach(setUpSearch)
