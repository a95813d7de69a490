// Autosave of the application form. The form works without this file: it only keeps htmx's background saves
// (hx-post on the form) and the person's own "Save" buttons from racing each other on the same version.
(function () {
  'use strict'

  function init () {
    const form = document.querySelector('form[data-autosave]')
    if (!form || !window.htmx) return

    let inFlight = false
    let submitting = false
    let stopped = false
    let waitingSubmitter = null
    let waiting = false

    // No background save once the page is being submitted, or after a conflict (the person decides then).
    form.addEventListener('htmx:beforeRequest', function (event) {
      if (event.detail.elt !== form) return
      if (submitting || stopped) {
        event.preventDefault()
        return
      }
      inFlight = true
    })

    form.addEventListener('htmx:afterRequest', function (event) {
      if (event.detail.elt !== form) return
      inFlight = false
      if (waiting) {
        waiting = false
        // Let htmx finish swapping the new version into the form first.
        window.setTimeout(function () {
          if (waitingSubmitter) form.requestSubmit(waitingSubmitter)
          else form.requestSubmit()
        }, 50)
      }
    })

    form.addEventListener('htmx:afterSwap', function () {
      const status = document.getElementById('autosave-status')
      if (!status) return
      if (status.querySelector('[data-autosave-stop]')) stopped = true
      markInvalid(status.querySelector('[data-invalid-fields]'))
    })

    // A "Save" button pressed while a background save is under way waits for it, so that it carries the
    // version that save produced instead of ending on the conflict page.
    form.addEventListener('submit', function (event) {
      if (inFlight) {
        event.preventDefault()
        waiting = true
        waitingSubmitter = event.submitter || null
        return
      }
      submitting = true
    })

    function markInvalid (holder) {
      form.querySelectorAll('.kannustin-autosave-invalid').forEach(function (group) {
        group.classList.remove('kannustin-autosave-invalid', 'govuk-form-group--error')
      })
      if (!holder) return
      holder.getAttribute('data-invalid-fields').split(/\s+/).forEach(function (name) {
        if (!name) return
        const input = form.querySelector('[name="' + name + '"], [name^="' + name + '_"]')
        const group = input && input.closest('.govuk-form-group:not(.govuk-date-input__item .govuk-form-group)')
        if (group && !group.classList.contains('govuk-form-group--error')) {
          group.classList.add('kannustin-autosave-invalid', 'govuk-form-group--error')
        }
      })
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init)
  else init()
})()
