import type { Messages } from '../i18n/messages';

export const en = {
  title: 'Settings',
  intro:
    'Every number the method uses, in one place. Each section is saved on its own; the analysis uses the new values the next time it runs.',
  method: 'Method {{rules}}',
  defaultMethod: 'Method default: {{value}}',
  defaultKontor: 'Default: {{value}}',
  unsaved: 'Unsaved changes',
  useDefaults: 'Use defaults',
  discard: 'Discard changes',
  saved: '“{{section}}” saved.',
  invalid: 'Check the marked fields.',
  units: {
    days: 'days',
    weeks: 'weeks',
    months: 'months',
    customers: 'customers',
    contacts: 'contacts',
    points: 'points',
  },
  errors: {
    required: 'Enter a value.',
    share: 'Enter a percentage above 0 and at most 100.',
    rate: 'Enter a percentage from 0 to 100.',
    notNegative: 'This must not be negative.',
    month: 'Choose a month.',
    whole: 'Enter a whole number.',
    atLeast: 'Enter at least {{min}}.',
    atMost: 'Enter at most {{max}}.',
    currency: 'Choose a currency.',
    bNotBelowA: 'B must reach at least as far as A ({{min}}%).',
    maxNotBelowMin: 'Enter at least {{min}}, the value of the field above.',
  },
  groups: {
    workspace: {
      title: 'Workspace',
      description: 'The currency, the calendar and the cost of selling time behind every figure.',
    },
    abc: {
      title: 'ABC classes',
      description:
        'Customers are ranked by revenue (or gross margin) and sorted into three classes by their cumulative share.',
    },
    concentration: {
      title: 'Concentration',
      description: 'How much of the business rests on a few customers: what the portfolio report measures.',
    },
    warnings: {
      title: 'Dependence warnings',
      description:
        'When the portfolio leans on too few customers, or treats all customers alike, the dashboard warns.',
    },
    greenCircle: {
      title: 'Green Circle',
      description:
        'The accounts to grow with personal attention. All others are transactional accounts, served efficiently.',
    },
    cadence: {
      title: 'Contact cadence',
      description: 'How often each group should hear from us.',
    },
    contactCoverage: {
      title: 'Contact coverage',
      description: 'How many people we should know at a Green Circle account.',
    },
    timeAllocation: {
      title: 'Selling time',
      description:
        'How much selling time the largest customers should get, measured against their share of revenue.',
    },
    potential: {
      title: 'Customer potential',
      description: 'How the forecast models estimate what an account could bring.',
    },
  },
  fields: {
    currency: {
      label: 'Currency',
      help: 'All amounts are reported in this currency. Changing it does not convert amounts already imported; sales in other currencies need exchange rates at import.',
    },
    fiscalYearStartMonth: {
      label: 'Fiscal year starts in',
      help: 'The first month of your financial year, for yearly plans and reports.',
    },
    analysisWindowMonths: {
      label: 'Analysis window',
      help: 'Customers are ranked by their net revenue over the last {{value}} months, ending at the latest sale in the data.',
    },
    hourlyCost: {
      label: 'Hourly cost of selling time',
      help: 'What one hour of selling time costs. Logged hours × this cost is the cost to serve a customer, which shows who costs more than they bring.',
    },
    abc: {
      aThreshold: {
        label: 'A customers up to',
        help: 'A = the customers making up the first {{value}} of revenue (the customer that crosses the line is A).',
      },
      bThreshold: {
        label: 'B customers up to',
        help: 'B = the customers further needed to reach {{value}} of revenue. All others are C, as is every customer without positive revenue.',
      },
    },
    concentration: {
      topShare: {
        label: 'Top group of customers',
        help: 'The report shows what the top {{value}} of customers bring, and what the rest bring.',
      },
      reachShare: {
        label: 'Revenue mark',
        help: 'The report counts how many customers it takes to make up {{value}} of revenue.',
      },
      topCustomersCount: {
        label: 'Largest customers taken together',
        help: 'The report shows the combined share of the {{value}} largest customers.',
      },
      lorenzPoints: {
        label: 'Points per curve',
        help: 'How finely the concentration curves are drawn. A chart needs no more than about 100.',
      },
    },
    warnings: {
      largestCustomerMaxShare: {
        label: 'Largest customer above',
        help: 'Warn when the largest customer brings more than {{value}} of revenue: losing it would hurt at once.',
      },
      top5MaxShare: {
        label: 'Largest customers together above',
        help: 'Warn when the {{count}} largest customers together bring more than {{value}} of revenue.',
      },
      minCustomersTo80: {
        label: 'Too few customers for the revenue mark',
        help: 'Warn when fewer than {{value}} customers make up {{reach}} of revenue.',
      },
      prioritisationMinCustomers: {
        label: 'Check prioritisation from',
        help: 'From {{value}} customers on, warn when all of them get the same service level.',
      },
    },
    greenCircle: {
      revenueTopShare: {
        label: 'Top customers by revenue',
        help: 'The top {{value}} of customers by revenue are Green Circle accounts.',
      },
      marginTopShare: {
        label: 'Top customers by gross margin',
        help: 'The top {{value}} by gross margin are Green Circle too, as is any account whose potential reaches the revenue of the top group.',
      },
    },
    cadence: {
      greenMaxDays: {
        label: 'Green Circle: contact at least every',
        help: 'Personal contact with every Green Circle account at least every {{value}} days.',
      },
      transactionalMinDays: {
        label: 'Transactional: not more often than every',
        help: 'Transactional accounts are served by phone and e-mail, not more often than every {{value}} days …',
      },
      transactionalMaxDays: {
        label: 'Transactional: at least every',
        help: '… and at least every {{value}} days.',
      },
    },
    contactCoverage: {
      min: {
        label: 'Known contacts, at least',
        help: 'Fewer than {{value}} contacts is under-covered. A single contact is the most dangerous state: the account hangs on one person.',
      },
      max: {
        label: 'Known contacts, at most',
        help: 'Up to {{value}} contacts, among them the decision makers, influencers and gatekeepers.',
      },
    },
    timeAllocation: {
      existingFactor: {
        label: 'Existing large customers',
        help: 'Their share of selling time is {{value}} of their share of revenue: 70% of revenue → {{example}} of the time.',
      },
      newFactor: {
        label: 'New large customers',
        help: 'Their share of selling time is {{value}} of their expected share of revenue: an expected 80% → {{example}} of the time.',
      },
    },
    potential: {
      achievableShare: {
        label: 'Winnable share of wallet',
        help: 'Of what a customer spends in our category, we can realistically win {{value}}. What is left to win of that counts as potential.',
      },
      horizonWeeks: {
        label: 'Forecast horizon',
        help: 'Purchases and revenue are forecast for the next {{value}} weeks.',
      },
      annualDiscountRate: {
        label: 'Discount rate per year',
        help: 'Future revenue counts {{value}} less per year in the customer lifetime value (CLV).',
      },
    },
  },
};

export const de: Messages<typeof en> = {
  title: 'Einstellungen',
  intro:
    'Alle Zahlen der Methode an einem Ort. Jeder Abschnitt wird für sich gespeichert; die Analyse verwendet die neuen Werte beim nächsten Lauf.',
  method: 'Methode {{rules}}',
  defaultMethod: 'Standard der Methode: {{value}}',
  defaultKontor: 'Standard: {{value}}',
  unsaved: 'Ungespeicherte Änderungen',
  useDefaults: 'Standardwerte einsetzen',
  discard: 'Änderungen verwerfen',
  saved: '„{{section}}“ gespeichert.',
  invalid: 'Bitte prüfen Sie die markierten Felder.',
  units: {
    days: 'Tage',
    weeks: 'Wochen',
    months: 'Monate',
    customers: 'Kunden',
    contacts: 'Kontakte',
    points: 'Punkte',
  },
  errors: {
    required: 'Bitte einen Wert eingeben.',
    share: 'Bitte einen Prozentwert über 0 und höchstens 100 eingeben.',
    rate: 'Bitte einen Prozentwert von 0 bis 100 eingeben.',
    notNegative: 'Der Wert darf nicht negativ sein.',
    month: 'Bitte einen Monat wählen.',
    whole: 'Bitte eine ganze Zahl eingeben.',
    atLeast: 'Bitte mindestens {{min}} eingeben.',
    atMost: 'Bitte höchstens {{max}} eingeben.',
    currency: 'Bitte eine Währung wählen.',
    bNotBelowA: 'B muss mindestens so weit reichen wie A ({{min}} %).',
    maxNotBelowMin: 'Bitte mindestens {{min}} eingeben, den Wert des Feldes darüber.',
  },
  groups: {
    workspace: {
      title: 'Arbeitsbereich',
      description: 'Währung, Kalender und Kosten der Vertriebszeit hinter jeder Kennzahl.',
    },
    abc: {
      title: 'ABC-Klassen',
      description:
        'Kunden werden nach Umsatz (oder Deckungsbeitrag) geordnet und nach ihrem kumulierten Anteil in drei Klassen eingeteilt.',
    },
    concentration: {
      title: 'Konzentration',
      description: 'Wie viel des Geschäfts auf wenigen Kunden ruht: was der Portfolio-Bericht misst.',
    },
    warnings: {
      title: 'Abhängigkeitswarnungen',
      description:
        'Wenn das Portfolio an zu wenigen Kunden hängt oder alle Kunden gleich behandelt, warnt das Dashboard.',
    },
    greenCircle: {
      title: 'Green Circle',
      description:
        'Die Kunden, die mit persönlicher Betreuung wachsen sollen. Alle anderen sind transaktionale Kunden und werden effizient betreut.',
    },
    cadence: {
      title: 'Kontaktrhythmus',
      description: 'Wie oft jede Gruppe von uns hören soll.',
    },
    contactCoverage: {
      title: 'Kontaktabdeckung',
      description: 'Wie viele Personen wir bei einem Green-Circle-Kunden kennen sollten.',
    },
    timeAllocation: {
      title: 'Vertriebszeit',
      description:
        'Wie viel Vertriebszeit die größten Kunden bekommen sollen, gemessen an ihrem Umsatzanteil.',
    },
    potential: {
      title: 'Kundenpotenzial',
      description: 'Wie die Prognosemodelle schätzen, was ein Kunde bringen könnte.',
    },
  },
  fields: {
    currency: {
      label: 'Währung',
      help: 'Alle Beträge werden in dieser Währung ausgewiesen. Ein Wechsel rechnet bereits importierte Beträge nicht um; Umsätze in anderen Währungen brauchen beim Import Wechselkurse.',
    },
    fiscalYearStartMonth: {
      label: 'Geschäftsjahr beginnt im',
      help: 'Der erste Monat Ihres Geschäftsjahres, für Jahrespläne und Berichte.',
    },
    analysisWindowMonths: {
      label: 'Analysezeitraum',
      help: 'Kunden werden nach ihrem Nettoumsatz der letzten {{value}} Monate geordnet, bis zum letzten Verkauf in den Daten.',
    },
    hourlyCost: {
      label: 'Kosten einer Vertriebsstunde',
      help: 'Was eine Stunde Vertriebszeit kostet. Erfasste Stunden × diese Kosten ergeben die Betreuungskosten eines Kunden und zeigen, wer mehr kostet, als er bringt.',
    },
    abc: {
      aThreshold: {
        label: 'A-Kunden bis',
        help: 'A = die Kunden, die die ersten {{value}} des Umsatzes ausmachen (der Kunde, der die Grenze überschreitet, ist A).',
      },
      bThreshold: {
        label: 'B-Kunden bis',
        help: 'B = die Kunden, die zusätzlich nötig sind, um {{value}} des Umsatzes zu erreichen. Alle anderen sind C, ebenso jeder Kunde ohne positiven Umsatz.',
      },
    },
    concentration: {
      topShare: {
        label: 'Spitzengruppe der Kunden',
        help: 'Der Bericht zeigt, was die obersten {{value}} der Kunden bringen und was der Rest bringt.',
      },
      reachShare: {
        label: 'Umsatzmarke',
        help: 'Der Bericht zählt, wie viele Kunden nötig sind, um {{value}} des Umsatzes zu erreichen.',
      },
      topCustomersCount: {
        label: 'Größte Kunden zusammen',
        help: 'Der Bericht zeigt den gemeinsamen Anteil der {{value}} größten Kunden.',
      },
      lorenzPoints: {
        label: 'Punkte pro Kurve',
        help: 'Wie fein die Konzentrationskurven gezeichnet werden. Ein Diagramm braucht nicht mehr als etwa 100.',
      },
    },
    warnings: {
      largestCustomerMaxShare: {
        label: 'Größter Kunde über',
        help: 'Warnen, wenn der größte Kunde mehr als {{value}} des Umsatzes bringt: Sein Verlust träfe sofort.',
      },
      top5MaxShare: {
        label: 'Größte Kunden zusammen über',
        help: 'Warnen, wenn die {{count}} größten Kunden zusammen mehr als {{value}} des Umsatzes bringen.',
      },
      minCustomersTo80: {
        label: 'Zu wenige Kunden für die Umsatzmarke',
        help: 'Warnen, wenn weniger als {{value}} Kunden {{reach}} des Umsatzes ausmachen.',
      },
      prioritisationMinCustomers: {
        label: 'Priorisierung prüfen ab',
        help: 'Ab {{value}} Kunden warnen, wenn alle dieselbe Betreuung bekommen.',
      },
    },
    greenCircle: {
      revenueTopShare: {
        label: 'Spitzenkunden nach Umsatz',
        help: 'Die obersten {{value}} der Kunden nach Umsatz sind Green-Circle-Kunden.',
      },
      marginTopShare: {
        label: 'Spitzenkunden nach Deckungsbeitrag',
        help: 'Die obersten {{value}} nach Deckungsbeitrag sind ebenfalls Green Circle, ebenso jeder Kunde, dessen Potenzial den Umsatz der Spitzengruppe erreicht.',
      },
    },
    cadence: {
      greenMaxDays: {
        label: 'Green Circle: Kontakt spätestens alle',
        help: 'Persönlicher Kontakt mit jedem Green-Circle-Kunden spätestens alle {{value}} Tage.',
      },
      transactionalMinDays: {
        label: 'Transaktional: nicht öfter als alle',
        help: 'Transaktionale Kunden werden per Telefon und E-Mail betreut, nicht öfter als alle {{value}} Tage …',
      },
      transactionalMaxDays: {
        label: 'Transaktional: spätestens alle',
        help: '… und spätestens alle {{value}} Tage.',
      },
    },
    contactCoverage: {
      min: {
        label: 'Bekannte Kontakte, mindestens',
        help: 'Weniger als {{value}} Kontakte gilt als unterversorgt. Ein einziger Kontakt ist der gefährlichste Zustand: Der Kunde hängt an einer Person.',
      },
      max: {
        label: 'Bekannte Kontakte, höchstens',
        help: 'Bis zu {{value}} Kontakte, darunter Entscheider, Beeinflusser und Türöffner.',
      },
    },
    timeAllocation: {
      existingFactor: {
        label: 'Bestehende Großkunden',
        help: 'Ihr Anteil an der Vertriebszeit ist {{value}} ihres Umsatzanteils: 70 % des Umsatzes → {{example}} der Zeit.',
      },
      newFactor: {
        label: 'Neue Großkunden',
        help: 'Ihr Anteil an der Vertriebszeit ist {{value}} ihres erwarteten Umsatzanteils: erwartete 80 % → {{example}} der Zeit.',
      },
    },
    potential: {
      achievableShare: {
        label: 'Gewinnbarer Anteil am Budget',
        help: 'Von dem, was ein Kunde in unserer Kategorie ausgibt, können wir realistisch {{value}} gewinnen. Was davon noch zu gewinnen ist, zählt als Potenzial.',
      },
      horizonWeeks: {
        label: 'Prognosezeitraum',
        help: 'Käufe und Umsatz werden für die nächsten {{value}} Wochen prognostiziert.',
      },
      annualDiscountRate: {
        label: 'Abzinsung pro Jahr',
        help: 'Künftiger Umsatz zählt im Kundenwert (CLV) {{value}} weniger pro Jahr.',
      },
    },
  },
};
