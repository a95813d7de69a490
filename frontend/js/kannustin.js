// Kannustin's scripts: GOV.UK Frontend's components enhance pages that already work without JavaScript.
import { initAll } from './govuk-frontend.min.js'

initAll()
