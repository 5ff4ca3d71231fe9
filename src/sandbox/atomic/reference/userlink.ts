/**
 * The UserLink reference's payroll examples, verbatim (003): one entry per data endpoint, all for
 * DoTerra through ADP, linked account 5f7212103a40e91f95ba376d, task 602414d84f9a1980cf5eafcc.
 * They are the reference user's payroll data. File urls are the reference's placeholder; the
 * emulator swaps in real download urls when it serves them.
 */
export type PayrollExampleEntry = Record<string, unknown> & { linkedAccount: string; task: string };

export const REFERENCE_DEPOSIT_ACCOUNTS: PayrollExampleEntry = {
  "depositAccounts": [
    [
      {
        "routingNumber": "123123123",
        "accountNumber": "1122330000",
        "type": "checking",
        "bankName": "Molecular Bank",
        "distributionType": "percent",
        "distributionAmount": 80
      },
      {
        "routingNumber": "456456456",
        "accountNumber": "XXXX1111",
        "type": "savings",
        "bankName": "Molecular Bank",
        "distributionType": "percent",
        "distributionAmount": 20
      }
    ]
  ],
  "company": {
    "_id": "5d77f9e1070856f3828945c6",
    "name": "DoTerra",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f638cc",
        "url": "https://cdn.atomicfi.com/doterra-logo.svg"
      }
    }
  },
  "connector": {
    "_id": "5d77f95207085632a58945c3",
    "name": "ADP",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f6343c",
        "url": "https://cdn.atomicfi.com/adp-logo.svg"
      }
    }
  },
  "linkedAccount": "5f7212103a40e91f95ba376d",
  "task": "602414d84f9a1980cf5eafcc"
};

export const REFERENCE_EMPLOYMENT: PayrollExampleEntry = {
  "employment": {
    "employeeType": "fulltime",
    "employmentStatus": "active",
    "jobTitle": "Product Manager",
    "startDate": "2017-04-19T12:00:00.000Z",
    "minimumMonthsOfEmployment": 58,
    "weeklyHours": 40,
    "employer": {
      "name": "Company Inc.",
      "address": {
        "line1": "12345 Enterprise Rd",
        "line2": "Suite 105",
        "city": "Salt Lake City",
        "state": "UT",
        "postalCode": "84111",
        "country": "USA"
      }
    }
  },
  "company": {
    "_id": "5d77f9e1070856f3828945c6",
    "name": "DoTerra",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f638cc",
        "url": "https://cdn.atomicfi.com/doterra-logo.svg"
      }
    }
  },
  "connector": {
    "_id": "5d77f95207085632a58945c3",
    "name": "ADP",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f6343c",
        "url": "https://cdn.atomicfi.com/adp-logo.svg"
      }
    }
  },
  "linkedAccount": "5f7212103a40e91f95ba376d",
  "task": "602414d84f9a1980cf5eafcc"
};

export const REFERENCE_IDENTITY: PayrollExampleEntry = {
  "identity": {
    "firstName": "Jane",
    "lastName": "Appleseed",
    "dateOfBirth": "1984-04-12T12:00:00.000Z",
    "email": "janeappleseed@example.com",
    "phone": "5558881111",
    "ssn": "111223333",
    "address": "123 Example St.",
    "city": "Salt Lake City",
    "state": "UT",
    "postalCode": "84111"
  },
  "company": {
    "_id": "5d77f9e1070856f3828945c6",
    "name": "DoTerra",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f638cc",
        "url": "https://cdn.atomicfi.com/doterra-logo.svg"
      }
    }
  },
  "connector": {
    "_id": "5d77f95207085632a58945c3",
    "name": "ADP",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f6343c",
        "url": "https://cdn.atomicfi.com/adp-logo.svg"
      }
    }
  },
  "linkedAccount": "5f7212103a40e91f95ba376d",
  "task": "602414d84f9a1980cf5eafcc"
};

export const REFERENCE_INCOME: PayrollExampleEntry = {
  "income": {
    "income": 45000,
    "incomeType": "yearly",
    "annualIncome": 45000,
    "hourlyIncome": 21.56,
    "netHourlyRate": 18.44,
    "payCycle": "weekly",
    "nextExpectedPayDate": "2020-06-30T12:00:00.000Z",
    "currentPayPeriodStart": "2020-06-13T12:00:00.000Z",
    "currentPayPeriodEnd": "2020-06-27T12:00:00.000Z",
    "unpaidHoursInPayPeriod": 24
  },
  "company": {
    "_id": "5d77f9e1070856f3828945c6",
    "name": "DoTerra",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f638cc",
        "url": "https://cdn.atomicfi.com/doterra-logo.svg"
      }
    }
  },
  "connector": {
    "_id": "5d77f95207085632a58945c3",
    "name": "ADP",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f6343c",
        "url": "https://cdn.atomicfi.com/adp-logo.svg"
      }
    }
  },
  "linkedAccount": "5f7212103a40e91f95ba376d",
  "task": "602414d84f9a1980cf5eafcc"
};

export const REFERENCE_STATEMENTS: PayrollExampleEntry = {
  "statements": [
    {
      "date": "2020-06-15T12:00:00.000Z",
      "payPeriodStartDate": "2020-05-27T12:00:00.000Z",
      "payPeriodEndDate": "2020-06-12T12:00:00.000Z",
      "grossAmount": 1000,
      "ytdGrossAmount": 10000,
      "netAmount": 800,
      "ytdNetAmount": 8000,
      "paymentMethod": "deposit",
      "hours": 37,
      "deductions": [
        {
          "category": "taxes",
          "label": "Federal Income Tax",
          "rawLabel": "Federal Income Tax",
          "amount": 200,
          "ytdAmount": 2000
        },
        {
          "category": "taxes",
          "label": "State Income Tax",
          "rawLabel": "Utah State Tax",
          "amount": 50,
          "ytdAmount": 500
        },
        {
          "category": "other",
          "label": "Abc corp dd",
          "rawLabel": "Abc corp dd",
          "amount": 5,
          "ytdAmount": 50
        }
      ],
      "earnings": [
        {
          "category": "benefit",
          "rawLabel": "Social Security (Disability)",
          "amount": 1000
        },
        {
          "category": "bonus",
          "rawLabel": "Quarterly Bonus",
          "amount": 2000,
          "ytdAmount": 6000
        },
        {
          "category": "overtime",
          "rawLabel": "Overtime Pay",
          "amount": 100,
          "ytdAmount": 1000,
          "hours": 10,
          "rate": 15
        },
        {
          "category": "reimbursement",
          "rawLabel": "Gas Card",
          "amount": 25.47,
          "ytdAmount": 85.74
        }
      ],
      "netAmountAdjustments": [
        {
          "label": "Mileage Reimbursement",
          "amount": 25
        }
      ],
      "paystub": {
        "_id": "60abeff50836730008616fad",
        "url": "[ATOMIC-GENERATED-PRESIGNED-S3-URL]"
      }
    },
    {
      "date": "2020-06-30T12:00:00.000Z",
      "payPeriodStartDate": "2020-05-27T12:00:00.000Z",
      "payPeriodEndDate": "2020-06-12T12:00:00.000Z",
      "grossAmount": 1000,
      "paymentMethod": "check",
      "hours": 34,
      "deductions": [
        {
          "category": "taxes",
          "label": "Federal Income Tax",
          "rawLabel": "Federal Income Tax",
          "amount": 200
        },
        {
          "category": "taxes",
          "label": "State Income Tax",
          "rawLabel": "Utah State Tax",
          "amount": 50
        },
        {
          "category": "other",
          "label": "Abc corp dd",
          "rawLabel": "Abc corp dd",
          "amount": 5
        }
      ],
      "paystub": {
        "_id": "60abeff50836730008616fae",
        "url": "[ATOMIC-GENERATED-PRESIGNED-S3-URL]"
      }
    }
  ],
  "company": {
    "_id": "5d77f9e1070856f3828945c6",
    "name": "DoTerra",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f638cc",
        "url": "https://cdn.atomicfi.com/doterra-logo.svg"
      }
    }
  },
  "connector": {
    "_id": "5d77f95207085632a58945c3",
    "name": "ADP",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f6343c",
        "url": "https://cdn.atomicfi.com/adp-logo.svg"
      }
    }
  },
  "linkedAccount": "5f7212103a40e91f95ba376d",
  "task": "602414d84f9a1980cf5eafcc"
};

export const REFERENCE_TIMESHEETS: PayrollExampleEntry = {
  "timesheets": [
    {
      "duration": 420,
      "date": "2021-10-13T12:00:00.000Z",
      "type": "unpaid",
      "clockedIn": "2021-10-13T13:00:00.000Z",
      "clockedOut": "2021-10-13T20:00:00.000Z"
    },
    {
      "duration": 480,
      "date": "2021-10-12T12:00:00.000Z",
      "type": "paid",
      "clockedIn": "2021-10-12T13:00:00.000Z",
      "clockedOut": "2021-10-12T21:00:00.000Z"
    },
    {
      "duration": 340,
      "date": "2021-10-11T12:00:00.000Z",
      "type": "paid",
      "clockedIn": "2021-10-11T13:00:00.000Z",
      "clockedOut": "2021-10-11T18:40:00.000Z"
    }
  ],
  "company": {
    "_id": "5d77f9e1070856f3828945c6",
    "name": "DoTerra",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f638cc",
        "url": "https://cdn.atomicfi.com/doterra-logo.svg"
      }
    }
  },
  "connector": {
    "_id": "5d77f95207085632a58945c3",
    "name": "ADP",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f6343c",
        "url": "https://cdn.atomicfi.com/adp-logo.svg"
      }
    }
  },
  "linkedAccount": "5f7212103a40e91f95ba376d",
  "task": "602414d84f9a1980cf5eafcc"
};

export const REFERENCE_TAXES: PayrollExampleEntry = {
  "taxes": [
    {
      "type": "w2",
      "year": "2020-01-01T00:00:00.000Z",
      "totalWages": 50000,
      "form": {
        "_id": "60abeff60836730008616faf",
        "url": "[ATOMIC-GENERATED-PRESIGNED-S3-URL]"
      },
      "parsedData": {
        "taxYear": 2022,
        "employeeTin": "XXX-XX-1234",
        "employerTin": "12-3456789",
        "employerNameAddress": {
          "name1": "Tax Form Issuer, Inc",
          "line1": "12021 Sunset Valley Dr",
          "line2": "Suite 230",
          "city": "Preston",
          "state": "VA",
          "postalCode": "20191"
        },
        "controlNumber": "012547 WY/OA7",
        "employeeName": {
          "first": "Kris",
          "last": "Public"
        },
        "employeeAddress": {
          "line1": "1 Main St",
          "line2": "Apartment 123",
          "city": "Melrose",
          "state": "NY",
          "postalCode": "12121"
        },
        "wages": 44416.74,
        "federalTaxWithheld": 6907.16,
        "socialSecurityWages": 47162.92,
        "socialSecurityTaxWithheld": 2924.1,
        "medicareWages": 47162.92,
        "medicareTaxWithheld": 683.86,
        "socialSecurityTips": 134.25,
        "allocatedTips": 149.75,
        "dependentCareBenefit": 543.25,
        "nonQualifiedPlan": 354.23,
        "codes": [
          {
            "code": "C",
            "amount": 301.5
          },
          {
            "code": "D",
            "amount": 2746.18
          },
          {
            "code": "DD",
            "amount": 4781.88
          }
        ],
        "other": [
          {
            "description": "Housing",
            "amount": 6500
          },
          {
            "description": "Union Dues",
            "amount": 1500
          }
        ],
        "statutory": false,
        "retirementPlan": true,
        "thirdPartySickPay": false,
        "stateTaxWithholding": [
          {
            "stateTaxWithheld": 1726.78,
            "state": "OH",
            "stateTaxId": "OH 036-133505158F-01",
            "stateIncome": 44416.74
          }
        ],
        "localTaxWithholding": [
          {
            "localTaxWithheld": 427.62,
            "localityName": "Kirtland",
            "state": "OH",
            "localIncome": 44416.74
          }
        ]
      }
    },
    {
      "type": "1099",
      "year": "2020-01-01T00:00:00.000Z",
      "form": {
        "_id": "60abeff60836730008616faf",
        "url": "[ATOMIC-GENERATED-PRESIGNED-S3-URL]"
      }
    }
  ],
  "company": {
    "_id": "5d77f9e1070856f3828945c6",
    "name": "DoTerra",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f638cc",
        "url": "https://cdn.atomicfi.com/doterra-logo.svg"
      }
    }
  },
  "connector": {
    "_id": "5d77f95207085632a58945c3",
    "name": "ADP",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f6343c",
        "url": "https://cdn.atomicfi.com/adp-logo.svg"
      }
    }
  },
  "linkedAccount": "5f7212103a40e91f95ba376d",
  "task": "602414d84f9a1980cf5eafcc"
};

/** The linked account list example (its connector branding is `{}` and its logo url differs: both kept as shown). */
export const REFERENCE_LINKED_ACCOUNT = {
  "_id": "5f7212103a40e91f95ba376d",
  "valid": true,
  "connector": {
    "_id": "5d77f95207085632a58945c3",
    "name": "ADP",
    "branding": {}
  },
  "company": {
    "_id": "5d77f9e1070856f3828945c6",
    "name": "DoTerra",
    "branding": {
      "logo": {
        "_id": "5eb62781b4b83f0008f638cc",
        "url": "https://cdn.atomicfi.com/logo.svg"
      }
    }
  },
  "lastSuccess": "2020-09-28T16:40:48.009Z",
  "transactRequired": false
};
