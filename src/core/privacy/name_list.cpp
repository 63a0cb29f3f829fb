// The built-in given-name and surname gazetteer, written for the mix of people who work in and use the NHS.
//
// Names are grouped by where they are common, only to make gaps easy to spot when reading; the groups are merged,
// sorted and de-duplicated once, at first use, into one table. Every entry is folded to ASCII (the scrubber folds
// "Łukasz" to "Lukasz" and "Zoë" to "Zoe" before it looks a word up) and written with its usual capitals.
// Everyday English words that are also names are listed in one of the two kCommonWord groups at the end (that flag
// wins over any other group), so they count as names only after a trigger such as "Nurse" or next to an
// unambiguous name. The unit tests check the list stays
// sorted, free of repeats and above 1500 given names and 800 surnames that are not everyday words.
// Left out on purpose: eponyms that mostly name a disease in a clinical reflection (Parkinson, Alzheimer, Crohn,
// Hodgkin, Huntington, Asperger, Addison, Cushing, Raynaud, Tourette), and short words that would collide with
// English ("He", "Do", "Go", "Oh", "Man", "Son", "Kit"). Surnames that also name a device ("Foley catheter") stay:
// the scrubber skips a name followed by a clinical noun.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/privacy/scrubber.hpp"

namespace reflect::core::names {

namespace {

// ---------------------------------------------------------------- given names

constexpr std::string_view kGivenBritish = R"(
Aaron Abbie Abby Abigail Adam Adele Adrian Agnes Aidan Aimee Alan Albert Alec Alex Alexander Alexandra Alexis Alfie
Alfred Alice Alicia Alison Allan Allison Alma Amanda Amelia Amelie Amy Andrea Andrew Andy Angela Angelina Anita Ann
Anna Anne Annette Annie Anthony Antony Archie Arlo Arnold Arthur Ashleigh Ashley Ashton Audrey Ava Barbara Barney
Barry Beatrice Becky Belinda Ben Benjamin Bernard Bernice Beryl Beth Bethany Betty Beverley Billie Billy Bobby Bob
Bonnie Brandon Brenda Brett Brian Bridget Brooke Bryony Caitlin Callum Calvin Cameron Camilla Candice Carl Carla Carly
Carole Caroline Carolyn Cassandra Cassie Catherine Cathy Cecil Cecilia Celia Charlene Charles Charley Charlie
Charlotte Chelsey Cheryl Chloe Chris Christina Christine Christopher Claire Clara Clare Claudia Clifford Clive Colin
Connie Connor Conrad Courtney Craig Cynthia Damian Damien Dan Dana Daniel Danielle Danny Daphne Darcy Darren Darryl
Daryl Dave David Debbie Debra Deborah Denise Dennis Derek Dexter Diana Diane Dianne Dominic Donald Donna Doreen Doris
Dorothy Edgar Edie Edith Edmund Edna Edward Edwin Eileen Elaine Eleanor Eliot Elise Elizabeth Ella Ellen Ellie Elliot
Elliott Eloise Elsie Emily Emma Esme Esther Ethan Ethel Eugene Eva Evan Evelyn Evie Faye Felicity Felix
Frances Francesca Francis Freddie Freddy Frederick Freya Gabriel Gabriella Gail Gary Gavin Gemma Geoff Geoffrey George
Georgina Gerald Geraldine Gerard Gillian Gina Gladys Glenn Gloria Graeme Graham Greg Gregory Hannah Harold Harriet
Harrison Harry Harvey Hayley Helen Helena Henry Herbert Hilary Hilda Hollie Howard Hugh Hugo Ian Imogen Irene Isaac
Isabel Isabella Isabelle Isobel Ivan Jackie Jackson Jacob Jacqueline Jake James Jamie Jan Jane Janet Janice Janine
Jason Jayden Jean Jeanette Jeff Jeffrey Jemima Jenna Jennifer Jenny Jeremy Jess Jessica Jill Jim Jimmy Joan Joanna
Joanne Jocelyn Jodie Joe Joel Joey John Johnny Jon Jonathan Joseph Josephine Josh Joshua Joyce Judith Judy Jules
Julia Julian Julie Juliet Justin Karen Karl Kate Katherine Kathryn Kathy Katie Katy Kayleigh Keith Kenneth Kerry
Kevin Kim Kimberley Kirsty Kitty Kyle Lara Laura Lauren Lawrence Leah Lee Leigh Leo Leon Leonard Lesley Leslie Lewis
Liam Lillian Linda Lindsay Lindsey Lisa Lizzie Logan Lois Lorraine Louis Louisa Louise Lucas Lucy Luke Lydia Lynda
Lynn Lynne Maddison Madeleine Madison Maisie Mandy Marcus Margaret Margot Maria Marian Marie Marion Marjorie Martha
Martin Martyn Mary Matilda Matt Matthew Maureen Maurice Maxine Megan Melanie Melissa Michael Michaela Michelle Mildred
Millie Miranda Molly Monica Muriel Nancy Naomi Natalie Natasha Nathan Nathaniel Neil Nicholas Nick Nicky Nicola Nicole
Nigel Nina Noah Norma Norman Oliver Olivia Ollie Oscar Pamela Patricia Patrick Paul Paula Pauline Peggy Penelope Percy
Peter Philip Philippa Phillip Phoebe Phyllis Piers Polly Rachael Rachel Ralph Raymond Rebecca Rebekah Reece Reggie
Richard Rita Robert Robin Robyn Rodney Roger Ronald Ronnie Rosemary Rosie Rowan Roy Ruby Rupert Russell Ruth Ryan
Sally Sam Samantha Samuel Sandra Sara Sarah Scarlett Scott Sebastian Shane Sharon Shaun Shirley Sidney Simon Sophia
Sophie Spencer Stacey Stanley Stella Stephanie Stephen Steve Steven Stewart Susan Susie Suzanne Sylvia Tamsin Tanya
Tara Teresa Terence Terry Tess Tessa Thea Theo Theodore Theresa Thomas Tilly Tim Timothy Tina Toby Todd Tom Tommy
Toni Tony Tracey Tracy Trevor Tristan Troy Valerie Vanessa Vera Veronica Vicky Vicki Victor Vincent Vivian Vivienne
Walter Wayne Wendy Wilfred William Winifred Yvonne Zac Zachary Zara Zoe Zoey Abi Alfreda Alistair Bethan Bev Bradley
Brendan Caleb Carys Ceri Clarissa Claudette Cordelia Corinne Daniella Davina Delia Dolly Dora Dulcie Ebony Edwina
Elsa Enid Erica Erin Fran Gabrielle Georgie Gertrude Gwendoline Harley Harriett Hattie Henrietta Iona Isadora Ivor
Jacquie Janis Jasper Jeannie Jerome Jo Jolene Jools Josie Julianne Justine Kath Katharine Kayla Kenny Kerrie Kristen
Kristina Lacey Laurence Lenny Leona Lettie Lilian Lola Lorelei Lottie Lou Lucinda Lulu Lyndsey Mabel Mae Maggie Marcia
Marguerite Marilyn Marnie Maud Maxwell Meg Mel Meredith Mervyn Mia Mick Mickey Mollie Myra Nell Nellie Nettie Nicolette
Nora Odette Olive Orlando Ottilie Pat Peta Petra Pippa Reginald Rhona Rhoda Ricky Rochelle Roland Rosalind Rosalyn
Rosanna Rosemarie Roxanne Sadie Selina Seth Shelley Sheridan Sienna Sonia Stevie Sue Suki Sybil Tabitha Tamara Tamsyn
Tegan Thelma Tobias Trudy Una Ursula Verity Wilma Wyatt Yasmin Zena
)";

constexpr std::string_view kGivenIrish = R"(
Siobhan Niamh Aoife Ciaran Caoimhe Saoirse Sinead Orla Roisin Aisling Grainne Maeve Deirdre Eimear Ciara Clodagh
Mairead Muireann Aine Eilis Fionnuala Nuala Oonagh Orlaith Sorcha Blathnaid Eabha Emer Laoise Meabh Sadhbh Aoibhinn
Aoibheann Cliodhna Doireann Eithne Ailbhe Brid Bernadette Colleen Kathleen Noreen Peig Padraig Padraic Sean Seamus
Eoin Eoghan Cathal Cian Colm Cormac Darragh Declan Diarmuid Donal Domhnall Dermot Eamon Eamonn Fergal Fearghal Fionn
Finbar Finbarr Oisin Ruairi Ronan Tadhg Tiernan Niall Odhran Killian Cillian Lorcan Malachy Micheal Paudie Senan
Aodhan Conal Enda Ferdia Jarlath Rory Diarmaid Feargal Caolan Naoise Breda Brona Carmel Catriona Dympna Fidelma Gobnait
Ide Ita Mairin Marese Nessa Nollaig Oonagh Philomena Roisin Sile Treasa Aoibh Riona Aobh Grace Mairtin Daithi
Donncha Fiachra Gearoid Labhras Lughaidh Mathuin Muiris Proinsias Risteard Seosamh Tomas Uinseann Cathaoir Ruadhan
Shauna Shona Sheelagh Mairie Bronagh Cara Keeva Kiera Kiara Aileen Eileen Maura Moira Mona Nuala Oona Tara
)";

constexpr std::string_view kGivenWelsh = R"(
Rhys Dafydd Gareth Gethin Geraint Huw Iestyn Ieuan Ifan Iwan Llewellyn Llywelyn Owain Rhodri Rhydian Aled Alun Bryn
Carwyn Cai Cerys Catrin Eleri Elin Ffion Gwen Gwenllian Heledd Lowri Mali Megan Nia Rhian Rhiannon Seren Sian Sioned
Angharad Bethan Carys Delyth Efa Eirlys Eluned Glenys Gwyneth Mared Meinir Nerys Manon Menna Morfydd Tirion Dylan Emyr
Gruffydd Gruffudd Hywel Ianto Islwyn Macsen Meirion Osian Tomos Trystan Wyn Wynne Deiniol Aneurin Bleddyn Cadfael
Caradog Cledwyn Dewi Elfed Emlyn Glyn Goronwy Gwilym Gwyn Idris Ioan Iorwerth Lleu Madoc Maldwyn Myrddin Owen Pryderi
Tegid Tudur Afon Anwen Bronwen Buddug Ceinwen Ceridwen Dilys Eirwen Elen Enfys Gwenda Gwenno Haf Hafwen Heulwen Lleucu
Lowena Mairwen Meleri Mererid Nesta Olwen Rhonwen Siwan Tanwen Teleri Tesni
)";

constexpr std::string_view kGivenScottish = R"(
Alasdair Alastair Angus Calum Ewan Euan Fergus Fraser Gregor Hamish Iain Lachlan Murdo Ruaridh Ruairidh Struan Torquil
Douglas Duncan Finlay Kenneth Malcolm Ross Stuart Ailsa Catriona Eilidh Fiona Isla Kirsteen Morag Mhairi Sheena
Elspeth Jessie Lorna Moira Senga Kenzie Marsaili Seonaid Ishbel Innes Alistair Archibald Blair Boyd Campbell Dougal
Ellis Ewen Gordon Graeme Grant Keir Kyle Lachie Niven Rabbie Roddy Ruaraidh Sandy Tavish Wallace Ainslie Bethia Effie
Flora Greer Grizel Jean Kirsty Leslie Lilias Maisie Marion Mirren Rhona Thora Una
)";

constexpr std::string_view kGivenSouthAsian = R"(
Priya Ravi Sunita Mohammed Aisha Fatima Anjali Deepak Rajesh Rahul Amit Anil Sanjay Vijay Arjun Aarav Vikram Suresh
Ramesh Mahesh Ganesh Krishna Lakshmi Meena Neha Pooja Kavita Anita Asha Divya Rekha Shanti Sita Geeta Gita Nisha Rina
Reena Seema Shilpa Smita Sonia Swati Usha Vidya Harpreet Gurpreet Manpreet Jaspreet Simran Navdeep Mandeep Sandeep
Kuldeep Jaswinder Balwinder Harjit Gurinder Rajinder Parminder Sukhdeep Amrit Arun Ashok Dev Dinesh Gopal Hari Kiran
Manoj Mohan Naveen Nikhil Pradeep Prakash Raj Rajiv Rakesh Ranjit Rohit Sachin Sameer Sunil Tarun Varun Vinod Yash
Zubair Imran Irfan Asif Kamran Nadeem Naveed Shahid Tahir Waqar Zahid Adnan Arif Faisal Farhan Haris Junaid Saqib
Usman Uzma Nazia Rubina Shabana Shazia Sadia Saima Samina Tahira Farzana Nasreen Parveen Rukhsana Shamim Tasneem
Yasmeen Rahim Rahima Shahana Nazmul Shafiq Mizanur Abul Anwar Jahangir Habibur Mahbub Rubel Sultana Nasrin Taslima
Rokeya Shirin Momena Kumaran Suganthi Tharshini Thushara Nimal Chaminda Dilani Nirosha Kavitha Sivakumar Selvi Aditi
Aditya Ajay Akash Akshay Alok Amar Amardeep Amrita Anand Ananya Aneesh Anika Anjana Ankita Anoop Anupam Anuradha
Aparna Archana Arvind Ashish Ashwin Avinash Bhavna Bhavesh Chandra Chetan Darshan Deepa Deepika Devika Dhruv Dipak
Farida Gaurav Girish Gurdeep Gurjit Hardeep Harinder Harish Hema Hemant Indira Ishaan Jagdish Jaya Jayesh Jyoti
Kajal Kalpana Kamal Kamala Kamlesh Karan Kavya Keshav Kishore Komal Kunal Lalita Lata Madhu Madhuri Mala Malini
Mamta Manisha Manjit Mayuri Meera Mehul Mina Mira Mukesh Nalini Namita Nandini Narendra Neelam Neeraj Nilesh Nirmala
Nitin Padma Pallavi Pankaj Paresh Parul Pavan Poonam Prabhu Pranav Prasad Pratik Preeti Prem Puja Radha Radhika
Rajan Rajni Ranjana Rashmi Reshma Ritu Rohan Roshni Rupa Rupinder Sabina Sadhana Sagar Sajid Sakshi Samir Sangeeta
Sanjeev Santosh Sapna Sarita Satish Savita Shalini Sharmila Shashi Sheetal Shirish Shobha Shreya Shweta Siddharth
Sneha Sohail Sonal Subhash Sudha Sudhir Sujata Sukhwinder Sumit Suman Sundar Surinder Sushil Sushila Swapna Tanvi
Tejal Uday Uma Umesh Urmila Vaishali Vandana Vanita Veena Vidhya Vikas Vimal Vinay Vineet Vipin Vishal Vivek Yogesh
Abdul Ahmed Akbar Aleem Amjad Anees Aqib Asad Asma Atif Ayaan Azhar Bushra Danish Faheem Faiza Farooq Fawad Ghazala
Habib Hafsa Hamid Haroon Humaira Ikram Iqbal Irum Ishaq Jamal Javed Kashif Khalid Khurram Lubna Mahmood Majid Maria
Mehwish Mehreen Mumtaz Munir Nabeel Naila Najma Nasir Nauman Noreen Omar Rabia Rafiq Raheel Rashid Rehana Rizwan Rukhsar
Saba Sabiha Sadaf Saeed Safia Sajida Salman Samra Sana Shabnam Shafiqul Shahida Shahnaz Shakeel Sharif Shoaib Sidra
Sobia Sohaib Sumaira Tanveer Tariq Tayyab Umair Wajid Waseem Yasir Zafar Zahida Zainab Zeeshan Zohra Abdur Alamgir
Anisur Ashraful Azizur Delwar Fahmida Farhana Faruk Habiba Jesmin Kamrul Khadija Lutfur Mahfuz Masud Mitu Moinul
Mominul Moriom Nurul Rashida Rezaul Runa Sabrina Shahin Shamima Shapla Shuhel Sufia Sumon Tahmina Zakir Zakia
Anushka Arulmozhi Dilhani Dinusha Gayathri Harini Janaki Kalaivani Kaveri Mahendran Murali Nishanthi Prabhakaran
Rajkumar Ramesh Sasikala Shanthi Sritharan Subramaniam Thanuja Vasanthi Yamuna Bishnu Laxmi Sarita Bikash Dil Hem Sushma
Bimala Dipendra Ganga Kamala Min Nabin Pushpa Rabindra Sanjiv Sujan Tek Yam Gurung
)";

constexpr std::string_view kGivenAfrican = R"(
Olumide Chidi Adebayo Ngozi Adaeze Adaora Chiamaka Chioma Chinedu Chukwuemeka Emeka Ifeoma Ifeanyi Nkechi Obinna
Uchenna Oluwaseun Seun Tunde Babatunde Funmilayo Funmi Folake Yetunde Bukola Titilayo Temitope Tope Bisi Bolaji Dapo
Femi Kemi Kunle Lanre Segun Sola Tayo Wale Yemi Abimbola Adeola Adewale Ayodele Ayo Damilola Dayo Ebun Enitan Jumoke
Moji Niyi Olamide Olayinka Opeyemi Oyin Simi Toyin Tolu Tobi Uche Amaka Ada Nneka Obiageli Kelechi Ikenna Chinwe
Chinonso Ebere Nnamdi Kwame Kwabena Kwaku Kwesi Kofi Kojo Yaw Akua Ama Abena Akosua Efua Esi Adwoa Afia Yaa
Ekow Fiifi Kobina Aminata Fatoumata Mariama Ousmane Mamadou Moussa Ibrahima Abdoulaye Seydou Alhassan Issa Aissatou
Binta Kadiatou Hawa Sekou Lamin Modou Awa Fatou Isatou Adama Bakary Foday Sahr Tamba Aiah Jeneba Chipo Tendai Tatenda
Farai Rudo Nyasha Kudzai Rumbidzai Tafadzwa Tinashe Thandiwe Thabo Sipho Lerato Nomvula Zanele Themba Bongani Wanjiru
Wambui Njeri Achieng Akinyi Atieno Otieno Odhiambo Ochieng Kamau Mwangi Kariuki Njoroge Wairimu Nyambura Abdi Hodan
Faduma Hamdi Ifrah Nimco Sahra Ayaan Warsame Mohamud Abdirahman Abdikarim Jama Tesfaye Abebe Alemu Hailu Girma Meron
Selam Tigist Yonas Dawit Bereket Semhar Adaobi Adanna Adesuwa Aderonke Adetola Adeyinka Afolabi Akinwale Akintunde
Akua Amara Anuli Arinze Ayomide Azuka Bamidele Bankole Chiagozie Chibueze Chidinma Chidozie Chika Chikodi Chinelo
Chinyere Chisom Chizoba Chukwudi Dimeji Ebele Ebuka Efe Ejike Ekene Emeka Eniola Ezinne Femi Folasade Folashade Gbenga
Ifedayo Ijeoma Ikechukwu Isioma Iyabo Jide Jumoke Kayode Kehinde Kolawole Ladi Modupe Nkem Nkiruka Nnenna Obioma
Odunayo Ogechi Olabisi Oladele Olaniyi Olanrewaju Olasunkanmi Olawale Olufemi Olufunke Olukayode Olusegun Oluwadamilare
Oluwafemi Oluwakemi Oluwatobi Oluwatoyin Omolara Omotola Onyeka Onyinye Osagie Osaze Osaro Osas Oyebola Rotimi
Sade Somto Taiwo Temidayo Tobenna Tosin Ugochi Ugochukwu Uzoma Yewande Zainab Abena Adjoa Afua Akosua Akwasi Ama
Ampofo Araba Comfort Dede Dzifa Ekua Elikem Enyonam Esinam Fafa Kafui Kekeli Kwadwo Kwasi Mawuli Mawuena Nii Nhyira
Paa Sedinam Selasi Senyo Yao Yayra Edem Korkor Naa Naana Awurama Abiba Amina Asana Fuseini Iddrisu Mariam Rahinatu
Alusine Ansumana Bockarie Fatmata Haja Isata Kadiatu Mabinty Momodu Musu Saffa Tenneh Yeabu Zainab Ebrima Fatoumatta
Haddy Isatou Lamin Mariatou Ousainou Sainabou Yusupha Chiedza Farisai Fungai Kundai Munyaradzi Nyarai Rufaro Ruvimbo
Shingai Simbarashe Tanaka Tapiwa Tawanda Tendayi Vimbai Zvikomborero Anele Ayanda Lindiwe Lwazi Mandla Nandi Nokuthula
Sibusiso Sizwe Thulani Zandile Zodwa Ayan Deqa Fardowsa Hibaaq Idil Istahil Khadar Mahad Nasra Qali Sagal Sumaya
Yasmiin Abdullahi Hassan Liban Ahmed Aster Biniam Eyerusalem Fikre Genet Hanna Kidane Lemlem Mekdes Mulugeta Rahel
Saba Tewodros Tsion Yohannes Zewdu Wanjiku Wangari Mumbi Kipchoge Kiprono Cherono Chebet Jeptoo Omondi Awino Auma
Apiyo Adongo Nakato Nansubuga Namuli Mukasa Kato Babirye Achola Okello Akello Opio Nalwoga Tumusiime Mugisha
)";

constexpr std::string_view kGivenCaribbean = R"(
Delroy Leroy Winston Errol Clive Desmond Lloyd Neville Everton Carlton Marcia Beverley Claudette Hyacinth Merle
Paulette Dionne Shanice Tyrone Jermaine Marlon Kemar Shaniqua Tamika Andre Dwayne Ricardo Donovan Fitzroy Garfield
Horace Linval Orville Roydel Alphonso Audley Barrington Beresford Cedric Clement Clinton Courtney Cyril Dalton Delano
Denton Devon Dudley Egbert Elroy Elvis Euton Ferdinand Fitzgerald Glenroy Hopeton Howell Hubert Ivel Jarrett Kenroy
Lascelles Leon Levi Lennox Linford Milton Myrtle Noel Norris Oneil Otis Owen Percival Phillip Rohan Roosevelt Rudolph
Rupert Sheldon Sylvester Tarrant Tyrese Vernon Wesley Wilbert Winsome Yolanda Althea Beulah Cislyn Claudine Daphne
Delores Dorrett Enid Esmeralda Eulalie Gwendolyn Icilda Ionie Jacinta Jeanette Joycelyn Lorna Lurline Marcella Marva
Maxine Monique Nadine Novlette Odessa Renee Rosalind Sadie Shauna Sherene Sonja Tanisha Thelma Velma Veronica
Yanique Yvette Zelda Kadeem Kareem Kemoy Omari Shamar Tajay Shamoy Tashana Trudy-Ann
)";

constexpr std::string_view kGivenEasternEuropean = R"(
Wojciech Agnieszka Katarzyna Malgorzata Magdalena Joanna Ewa Krystyna Elzbieta Zofia Dorota Beata Jolanta Marta
Monika Aleksandra Justyna Natalia Paulina Karolina Iwona Grazyna Halina Renata Urszula Wieslawa Sylwia Kinga Zaneta
Weronika Izabela Martyna Dominika Patrycja Lukasz Piotr Krzysztof Tomasz Pawel Michal Marcin Grzegorz Jakub Andrzej
Marek Mariusz Dariusz Rafal Zbigniew Jerzy Tadeusz Kamil Maciej Mateusz Bartosz Slawomir Przemyslaw Artur Szymon
Damian Radoslaw Jacek Janusz Kazimierz Stanislaw Wieslaw Zdzislaw Bogdan Dawid Filip Hubert Igor Kacper Konrad Leszek
Norbert Oskar Patryk Wiktor Witold Agata Alicja Anita Bozena Danuta Edyta Emilia Ewelina Gabriela Hanna Irena Jadwiga
Julia Kamila Klaudia Lucyna Marzena Milena Nikola Oliwia Roksana Stanislawa Teresa Wanda Zuzanna Adrianna Aneta
Andrei Alexandru Mihai Ionut Gheorghe Vasile Constantin Florin Cristian Catalin Marius Ovidiu Razvan Sorin Stefan
Valentin Vlad Dragos Cosmin Lucian Mircea Nicolae Petru Radu Tudor Ioana Andreea Elena Mihaela Alina Cristina Daniela
Georgiana Larisa Loredana Madalina Oana Raluca Roxana Simona Teodora Bianca Irina Corina Denisa Florentina Lavinia
Nicoleta Ramona Violeta Adina Anca Camelia Carmen Claudia Dana Delia Doina Emanuela Gabriela Iulia Lacramioara Luminita
Mirela Monica Otilia Rodica Silvia Sorina Viorica Alin Bogdan Ciprian Claudiu Costel Daniel Emil Eugen Horatiu Iulian
Laurentiu Liviu Mihail Octavian Remus Sergiu Silviu Traian Viorel Jonas Tomas Mantas Darius Giedre Ruta Egle Jurgita
Ieva Aiste Agne Vaida Inga Liga Ilze Janis Andris Maris Arturas Audrius Aurimas Dainius Deividas Donatas Edgaras
Gintaras Justinas Karolis Kestutis Laurynas Linas Mindaugas Nerijus Paulius Rimantas Saulius Tadas Vaidas Vytautas
Zilvinas Asta Daiva Dalia Gintare Indre Jolita Jurate Kristina Laima Lina Milda Neringa Ramune Rasa Rita Sandra Simona
Vilma Vita Zivile Aivars Edgars Gatis Juris Raimonds Valdis Kristaps Dace Inese Kristine Laila Sanita Zane
Georgi Dimitar Ivan Petar Nikolai Stoyan Desislava Tsvetelina Milena Yordanka Borislav Hristo Kaloyan Krasimir Lyubomir
Plamen Rumen Svetoslav Tsvetan Valeri Vasil Zdravko Boryana Daniela Galina Gergana Iliana Kalina Mariela Nadezhda
Radostina Rositsa Silviya Stanislava Teodora Vesela Zornitsa Laszlo Zoltan Gabor Istvan Attila Zsofia Katalin Erzsebet
Eszter Reka Balazs Bence Csaba Gergely Janos Jozsef Levente Miklos Peter Sandor Tamas Zsolt Anita Beata
Ildiko Judit Krisztina Orsolya Szilvia Timea Zsuzsanna Jiri Petr Pavel Lukas Martina Jana Lenka Petra Veronika Zuzana
Marketa Ondrej Radek Vaclav Zdenek Jaroslav Milan Miroslav Tereza Barbora Hana Ivana Katerina Kveta Olga Tatiana
Svetlana Oksana Yulia Anastasia Ekaterina Yelena Ludmila Dmitri Dmitry Sergei Sergey Alexei Mikhail Vladimir
Oleksandr Andriy Taras Bohdan Yuriy Mykola Viktoriia Halyna Olena Iryna Nataliya Larysa Liliya Mariya Nadiya Oksana
Tetiana Valentyna Yana Artem Denys Dmytro Maksym Oleh Pavlo Roman Serhiy Volodymyr Vitaliy Yevhen Anatoliy Arkadiy
Boris Fedor Gennady Grigory Konstantin Leonid Nikita Oleg Pyotr Stanislav Timur Vadim Valery Viktor Vitaly Yuri
Alla Darya Galina Inna Kseniya Lyudmila Nina Polina Raisa Sofiya Tamara Valentina Vera Zoya Besnik Blerim Dritan
Ervin Fatmir Gentian Ilir Klodian Luan Mergim Valon Arben Blerta Drita Elira Fjolla Jehona Liridona Mimoza Vjosa
)";

constexpr std::string_view kGivenFilipino = R"(
Maricel Jericho Rowena Marites Maricar Marilou Maribel Marivic Mylene Rachelle Rosalie Rosario Imelda Leonora Teodoro
Rodrigo Rolando Reynaldo Romeo Ramon Ronaldo Danilo Arnel Jomar Jayson Jhon Jun Jonel Kristine Kimberly Arlene Analyn
Honeylyn Jennylyn Liezel Lyka Rhea Rica Shiela Myrna Nenita Perla Remedios Corazon Divina Erlinda Evangeline
Flordeliza Girlyn Glenda Jonalyn Ligaya Luzviminda Marissa Nerissa Ofelia Precy Rizza Rubylyn Teresita Zenaida Aldrin
Arvin Bong Carlo Darwin Edgardo Ernesto Gerardo Jaime Jojo Leonardo Nestor Rey Roel Ruel Rommel Rowell Virgilio
Wilfredo Aileen Airene Alma Almira Analiza Angelica Angelito Anjanette Annaliza April-Joy Arcel Ariel Armando Arnold
Aurora Benjie Bernadette Carmelita Catalina Charmaine Cherrie Clarita Concepcion Consolacion Cristeta Dante Darlene
Delfin Dindo Dolores Edna Efren Eliseo Emelita Emilio Erwin Estrella Eufemia Felicidad Fernando Florencio Gilbert
Gina Gloria Herminio Ireneo Jeric Jerwin Jessa Jinky Joanne Joey Jonathan Josefina Jovelyn Joy-Ann Juanito Julius
Lailani Lani Leilani Leonila Lilibeth Lolita Lorena Lourdes Lucila Lyn Lynette Manny Marlyn Mary-Ann Maryjoy Melchor
Mercedita Milagros Mylyn Nelia Nilda Noli Norberto Olivia Orlando Pacita Patricio Pilar Rachelle Ramil Randy Raquel
Regina Reynante Ricardo Rina Rodel Rogelio Ronnie Rosalinda Rosemarie Rowel Roxanne Sheryl Socorro Susana Tomasito
Venancio Vilma Wilson Yolanda Zaldy
)";

constexpr std::string_view kGivenEastAsian = R"(
Wei Jing Xin Hui Ying Mei Lan Hong Yan Ming Jun Hao Yi Xiao Lei Tao Bo Chao Jian Feng Qiang Yong Fang Min Ling
Yu Zhen Xiaoming Xiaoli Xiaoyan Jiahui Jiawei Junjie Haoran Yuxuan Zihan Zixuan Yichen Yiming Yuting Yuqi Siyu Shu
Qing Rui Li Lili Lina Huan Jie Kai Kang Lin Liang Long Mingyu Peng Qi Qian Shan Shuang Ting Wen Xiang Xue Yang
Yao Ye Yun Zhi Zhong Zhou Chun Dan Fei Guang Hua Jia Jin Juan Jun Kun Lian Lu Ning Qin Rong Sheng Tian
Wan Xia Xu Yin Yue Zhao Ka Kwok Wai Sze Yee Yuen Siu Chi Ho Hin Tsz Wing-Yan Lok Ka-Wai Mandy-Lee
Yuki Haruto Sakura Hana Kenji Hiroshi Aiko Yuko Keiko Takeshi Akira Daisuke Emi Haruka Hiroko Hiroto Kaori Kazuki
Kenta Kumiko Mai Masato Megumi Miki Naoko Naoki Noriko Ren Riko Ryo Satoshi Shota Sota Takumi Tomoko Yoko Yui Yusuke
Minjun Jiwoo Seoyeon Jisoo Minji Hyun Jiho Soyeon Eunji Jihoon Sungmin Younghee Yeonwoo Dong-hyun Seung Sunhee Hyejin
Linh Huong Trang Thao Hoa Lan Mai Ngoc Phuong Tuan Minh Duc Hung Nam Quang Thanh Trung Viet Anh Bao Binh
Hai Hieu Hoang Khanh Long Phong Thien Tien Vinh Xuan
)";

constexpr std::string_view kGivenIberianLatin = R"(
Joao Jose Antonio Manuel Francisco Carlos Luis Miguel Pedro Paulo Rui Nuno Tiago Diogo Goncalo Rodrigo Ricardo Bruno
Fabio Hugo Vitor Sergio Filipe Duarte Afonso Martim Catarina Ines Beatriz Ana Sofia Mariana Joana Rita Carla Sonia
Patricia Claudia Raquel Filipa Helena Isabel Margarida Leonor Matilde Carolina Madalena Graca Fernanda Luisa
Conceicao Fatima Lurdes Alejandro Javier Jorge Juan Alberto Fernando Pablo Raul Enrique Alfonso Inaki Xavier Lucia
Pilar Dolores Mercedes Rocio Paula Cristina Marisol Nuria Montserrat Ainhoa Esperanza Guadalupe Consuelo Concepcion
Inmaculada Soledad Amparo Thiago Lucas Mateus Felipe Vinicius Gustavo Rafael Larissa Juliana Camila Amanda Leticia
Vanessa Tatiana Priscila Aline Jessica Adriana Agustin Alvaro Andres Angel Armando Arturo Beatriz Benito Cesar
Cristobal Daniela Diego Eduardo Elena Emilio Esteban Eugenia Federico Gonzalo Guillermo Hector Ignacio Irene Isidro
Jaime Jesus Joaquin Julio Lorena Lorenzo Manuela Marcelo Marcos Mario Martina Matias Mauricio Natalia Nicolas Octavio
Oscar Pascual Ramiro Ramona Renata Roberto Rosa Salvador Santiago Sebastian Silvia Susana Teresa Valeria Victoria
Ximena Yolanda Aurelio Baltasar Clemente Domingos Edgar Elisa Emanuel Fausto Gil Henrique Joaquim Leandro Marcio Mauro
Nelson Otavio Reinaldo Rogerio Rosana Simone Silvio Sandro Tania Valter Vasco Wagner Wellington Ze Anabela Andreia
Alexandra Barbara Bruna Cecilia Cintia Debora Eduarda Elaine Fabiana Flavia Gabriela Heloisa Ingrid Jaqueline Karina
Lara Livia Luana Marcia Michele Monica Nathalia Renata Sabrina Sandra Tamires Thais Veronica Viviane
)";

constexpr std::string_view kGivenArabicPersianTurkish = R"(
Muhammad Mohamed Mohammad Ahmad Ali Omar Umar Hassan Hussein Hussain Ibrahim Yusuf Youssef Khalid Abdullah Mustafa
Mahmoud Karim Kareem Tariq Samir Nabil Walid Rashid Hamza Bilal Zaid Zayd Amir Amira Fatimah Ayesha Khadija Maryam
Mariam Noor Nour Layla Leila Yasmine Hana Huda Rania Salma Samira Amal Iman Eman Nadia Rana Reem Dalia Lina Mona Farah
Jamila Laila Soraya Souad Hanan Rasha Ghada Asmaa Sumaya Malak Jana Ahlam Najwa Wafa Widad Abdelaziz Abdelkader
Abdelrahman Adel Adham Ahmed Akram Alaa Amr Anas Ashraf Ayman Aziz Basel Basim Bassam Ehab Emad Fadi Fahad Faisal
Farid Fouad Ghassan Hadi Haitham Hakim Hamed Hani Hatem Hazem Hisham Hossam Ihab Imad Ismail Issam Jalal Jamal Jihad
Kamal Khaled Louay Maher Majed Malik Mamoun Marwan Mazen Mohannad Mourad Moustafa Munir Murad Nabeel Nader Nasser Nizar
Omran Osama Qasim Rami Riad Saad Sabri Sadiq Salah Saleh Salem Sami Sayed Shadi Sharif Suleiman Taha Talal Tamer
Tarek Wael Waleed Yahya Yaser Yasser Younes Zakaria Ziad Abeer Afaf Aliya Amani Arwa Aseel Asma Bushra Dima Doaa
Duaa Esraa Fadia Fatma Ghadeer Haifa Haya Heba Hind Ibtisam Inas Israa Jumana Lamia Lubna Lujain Maha Manal Marwa
Maysa Nadine Najla Nawal Noura Rabab Raghad Randa Rasha Razan Rima Rola Ruba Rula Safa Sahar Samar Sana Sawsan Shaima
Shereen Suha Tahani Wafaa Yara Zahra Zeina Reza Hossein Mehdi Parisa Farzaneh Azadeh Ali-Reza Alireza Amin Arash
Babak Behnam Bijan Dariush Ehsan Farhad Farshid Hamid Hamidreza Javad Kamran Kaveh Kian Kourosh Majid Masoud Mehran
Milad Mohsen Morteza Nima Omid Payam Pedram Peyman Pouya Ramin Saeed Sina Siamak Soheil Vahid Afsaneh Arezoo Bahar
Elham Fariba Farnaz Fereshteh Golnaz Haleh Leyla Mahnaz Mahsa Maryam Mina Mitra Nasrin Neda Niloufar Parvaneh Pegah
Roya Sanaz Shabnam Shadi Shahla Shiva Shokoufeh Simin Soheila Tahereh Yasaman Zohreh Mehmet Emre Ayse Elif Zeynep
Burak Cem Kemal Ahmet Ali Baris Berk Deniz Ebru Emine Esra Fatih Gizem Gul Hakan Hande Hatice Hulya Ipek Kaan Kerem
Leyla Melek Merve Murat Nilufer Onur Ozan Ozge Ozlem Selin Serkan Sibel Tolga Tugba Tuncay Ugur Volkan Yasemin Yusuf
Zehra Zuhal Hevi Rojda Ronahi Shirin Zana Rebwar Karwan Dilan Baran Berivan Nasrin Hawre Shvan Aram Lana Hozan Zhyar
Ahmadullah Ajmal Farid Hamidullah Hekmat Jawid Mirwais Nasrullah Rahmatullah Sayed Shafiq Wahid Zabihullah Zarghuna
Farida Freshta Hosai Mursal Nargis Palwasha Roya Shabana Zarmina Gulalai Yaqub Yunus Idris Ilyas Isa Musa Harun Dawud
Sulayman Ismael Nuh Adam Hawa Ruqayyah Safiyyah Sumayyah Aaliyah Aminah Hafsah Jannah Inaya Zara Zaynab Hamdan Rayan
Ayaan Zayan Zakariya Aryan Hamzah Ibraheem Uthman Usama Yasin
)";

constexpr std::string_view kGivenEuropeanOther = R"(
Pierre Michel Philippe Alain Nicolas Sebastien Julien Camille Manon Margaux Mathilde Aurelie Antoine Benoit Bernard
Christophe Didier Etienne Fabrice Francois Frederic Gaston Gilles Guillaume Herve Jacques Jerome Laurent Lionel
Marcel Mathieu Olivier Pascal Remi Sylvain Thierry Xavier Yannick Yves Agathe Amandine Anais Brigitte Capucine
Celine Chantal Clemence Delphine Elodie Emilie Genevieve Helene Isabelle Josette Juliette Lea Marion Mireille Nathalie
Odile Oceane Pascale Sandrine Solene Sylvie Veronique Virginie Giuseppe Giovanni Francesco Alessandro Marco Luca
Matteo Lorenzo Giulia Chiara Federica Alessia Valentina Andrea Angelo Antonio Carlo Claudio Dario Davide Emanuele
Enrico Fabrizio Filippo Gianluca Giacomo Giorgio Leonardo Luigi Massimo Maurizio Mauro Nicola Paolo Pietro Riccardo
Roberto Salvatore Simone Stefano Tommaso Vincenzo Alessandra Anna Antonella Arianna Beatrice Benedetta Caterina
Cinzia Daniela Elisa Elisabetta Federica Francesca Gabriella Giorgia Ilaria Laura Lucia Manuela Martina Michela Monica
Paola Roberta Rossella Sara Serena Silvia Simona Stefania Teresa Klaus Jurgen Wolfgang Stefan Andreas Katrin Sabine
Ute Heike Birgit Dieter Dirk Frank-Walter Gunter Hans Heinz Helmut Horst Joachim Jorg Karsten Lars Manfred Matthias
Rainer Reinhard Rolf Sven Thorsten Ulrich Uwe Werner Anke Anja Annika Astrid Bettina Claudia Dagmar Doris Elke Franziska
Gabi Gisela Heidi Ilse Ingrid Jutta Kerstin Liesel Marlene Monika Petra Silke Susanne Ulrike Ursula Georgios
Dimitrios Konstantinos Nikolaos Ioannis Eleni Panagiotis Christos Vasilis Athanasios Evangelos Kostas Nikos Spyros
Stavros Theodoros Yiannis Yannis Anastasia Angeliki Athina Despina Dimitra Eirini Evangelia Georgia-Maria Ioanna
Katerina Konstantina Maria-Eleni Panagiota Sofia Vasiliki Xanthe Lars Anders Bjorn Erik Henrik Johan Magnus
Nils Olaf Sven Ulf Astrid Birgitta Ebba Freja Ingrid Karin Kirsten Linnea Maja Sigrid Solveig Ylva Pekka Jukka
Mikko Juha Antti Aino Anneli Kaisa Liisa Marjatta Pirjo Ritva Saara Sanna Tuula Jan-Willem Joost Pieter Sander Thijs
Wouter Anouk Eline Femke Ilse Lotte Marieke Mirjam Saskia Willemijn Moshe Yosef Avi Rivka Shira Tamar Chaim Yael
Noa Ariel Eitan Itai Noam Ofer Oren Shlomo Yehuda Yitzhak Yoni Batsheva Chana Devorah Esther Leah Malka Miriam Naomi
Rachel Sarah Tova Tzipporah
)";

// Nicknames and diminutives staff use for each other and for patients' families ("Bex", "Gaz", "Jonno").
constexpr std::string_view kGivenDiminutives = R"(
Abi Alfie Ally Andi Angie Annie Archie Babs Baz Bazza Becca Becks Bella Bertie Bev Bex Bezza Bobbie Bri
Cal Caz Cazza Charlie Chaz Chrissie Chrissy Cass Dave Davey Dazza Del Des Dev Dodie Dom Dotty Ellie Evie
Fliss Freddie Fred Frankie Gaz Gazza Gemma Georgie Gez Gill Gilly Greggo Haz Hazza Issy Izzy Jacko Jaz Jas Jez Jezza
Jim Jimbo Jimmy Jo Jodie Joey Johnno Jonno Jonny Josie Jools Jules Kaz Kel Kezza Kez Kev Kirst Kris Lennie Les Lex
Lils Lizzie Lizzy Lou Lulu Maggie Mags Mandy Marty Matty Mattie Mel Mick Mickey Micky Mikey Mo Moz Nat Nell Nellie
Nev Nicky Nico Nikki Ollie Olly Paddy Pete Petey Phil Pip Rach Robbie Robbo Ronnie Rosie Sal Sammy Saz Sazza Seb
Shaz Shazza Sid Soph Steph Stevie Stu Suzy Taz Tash Tasha Tez Tezza Tommo Tommy Tone Trev Trish Vic
Vicky Vinny Wes Woody Zak Zac
)";

// ---------------------------------------------------------------- surnames

constexpr std::string_view kSurnameBritish = R"(
Smith Jones Taylor Williams Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker Edwards
Hughes Lewis Harris Clarke Jackson Turner Martin Cooper Morris Moore Clark Lee Harrison Morgan Allen James Scott
Phillips Watson Davis Parker Bennett Griffiths Mitchell Kelly Carter Richardson Bailey Collins Shaw Murphy Miller
Cox Richards Marshall Anderson Simpson Ellis Adams Wilkinson Foster Chapman Powell Webb Rogers Matthews Owen Palmer
Holmes Barnes Lloyd Russell Barker Stevens Jenkins Murray Dixon Harvey Graham Pearson Fletcher Walsh Gibson Howard
Andrews Stewart Elliott Reynolds Saunders Payne Pearce Brooks Lawrence Cole Atkinson Bradley Spencer Gill Dawson
Burton Watts Perry Ryan Armstrong Francis Rees Hayes Hudson Newman Barrett Webster Gregory Carr Riley Dunn
Parsons Reid Holland Hawkins Harding Robertson Newton Oliver Kennedy Williamson Gardner Cooke Bates Henderson Parry
Burgess Walton Nicholson Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins
Harper Coleman Watkins Griffin Hardy Wheeler Osborne Johnston Gordon Doyle Wallace George Hutchinson Rowe Burke
Pritchard Gilbert Willis Higgins Whitehead Hayward Tucker Hodges Fowler Lamb Jennings Bolton Barber Slater Fuller
Sanders Ellison Alexander Pollard Briggs Norton Dyer Gregson Sheppard Kirby Randall Stephenson Wade Lambert Nash
Sims Hobbs Steele Hancock Goodwin Dobson Frost Daniels Thornton Cunningham Vaughan Stanley Poole Hammond Connolly
Howell Cartwright Fraser Swift Ingram Tyler Kemp Harrington Glover Barlow Kent Hewitt Rowley Ashton Leach Tomlinson
Sullivan Hale Pickering Charlton Whitaker Cross Simmons Keane Middleton Farmer Lord Humphreys Benson Winter Bowen
Knowles Sharpe Kerr Morton Holt Mann Buckley Bryant Whittaker Horton Heath Coates Bartlett Perkins Mellor Finch
Ferguson Davison Moran Hurst Blackburn Ross Stone Barton Chadwick Dean Pugh Summers Rhodes Haynes Ball Stokes Goddard
Hilton Cole Reeves Chandler Baxter Dunne Kirk Fitzgerald Chambers Fox Field Hart Marsh Hargreaves Woodward Hooper
Hussey Metcalfe Booth Stubbs Copeland Bray Greenwood Ashworth Bird Blackwell Bradshaw Brennan Caldwell Coombes
Crawford Cummings Dale Doherty Donnelly Eaton Emery Farrell Farrow Fenton Fielding Fleming Gallagher Garner Gould
Hall Hanson Hartley Healey Hibbert Holden Horne Howarth Hunt Iqbal Jarvis Jeffery Jordan Kaye Kingsley Lane Lockwood
Lucas Lynch Mackenzie Marriott Mason Maxwell McCarthy Mills Milner Moss Nolan North Norris Nuttall Oakley Owens
Peacock Pemberton Platt Preston Quinn Rahman Rawlings Read Regan Rich Rigby Rose Rowland Ryder Savage
Seymour Sharp Sherwood Shields Short Skinner Sloan Sparks Spence Stafford Stanton Storey Sutherland Swann Talbot
Tate Thorpe Tibbs Townsend Tranter Turnbull Vickers Waite Walters Warner Waters Watt Weston Whitfield Whitley
Whitmore Wilde Wilkins Winterbottom Wood Woodcock Woods Woolley Wren Wyatt Abbott Ackroyd Ainsworth Alcock Allsop
Appleby Arkwright Ashby Aspinall Astley Atherton Attwood Austin Axford Aylward Bagshaw Bainbridge Bamford Banfield
Barraclough Barrow Bassett Batty Beattie Beckett Bellamy Bentley Beresford Bickerton Binns Birch Blackmore Blake
Blakeley Bland Bloomfield Blundell Bonner Bostock Bottomley Boulton Bowden Bowers Bowler Boyce Brady Bramwell Brindley
Broadbent Bromley Brook Broome Broughton Buckingham Bull Bunting Burrows Butterworth Cadman Calvert Carpenter
Carrington Catterall Chalmers Cheetham Clayton Clegg Clements Clifford Coleridge Collier Collinson Conway Corbett
Cotton Cowell Crabtree Craven Crossley Crowther Dalton Danby Darby Davenport Dickinson Dodd Draper Driscoll Duckworth
Dudley Duffy Durrant Dutton Earnshaw Eastwood Eccles Eddison Entwistle Everett Fairclough Farrar Faulkner Fawcett
Firth Fisher Forrest Forster Foulkes Fry Garside Gee Gibbs Goldsmith Gough Greaves Greenhalgh Grimshaw Haigh Halliday
Hamer Hampson Harwood Haslam Hawley Haworth Hazel Heywood Hickson Higginbottom Hind Hinchliffe Hirst Hodgkinson
Holroyd Horrocks Houghton Hoyle Hulme Ibbotson Illingworth Irving Jagger Jolley Kershaw Kilner Kirkham Knott
Laycock Leadbetter Lister Livesey Lomas Lumb Marlow Marsden Mather Mawson Mercer Millington Moorhouse Mottram
Naylor Nield Ormerod Outram Parr Pilling Pollitt Priestley Radcliffe Ramsbottom Ratcliffe Rawson Redfern Rushton
Sagar Schofield Scholes Shackleton Sidebottom Smethurst Sowerby Stansfield Sutcliffe Swindells Tattersall Thistlethwaite
Tindall Topping Trafford Unsworth Uttley Walmsley Wardle Whiteley Wolstenholme Worsley Worthington
)";

constexpr std::string_view kSurnameCelticIrishScottishWelsh = R"(
O'Sullivan O'Brien O'Connor O'Neill O'Reilly McCarthy Gallagher O'Doherty Kennedy Lynch Quinn McLoughlin O'Carroll
Daly O'Connell Dunne Brennan Burke Collins Campbell Johnston Hughes O'Farrell Fitzgerald Maguire Nolan Flynn
O'Callaghan O'Donnell Duffy O'Mahony Boyle Healy O'Shea Sweeney Hayes Kavanagh McGrath Moran Brady Casey Foley
Fitzpatrick O'Leary McDonnell MacMahon McMahon Donnelly Regan Donovan Flanagan Mullan Kane Cunningham Griffin Kenny
Sheehan Whelan Lyons Higgins Cullen Keane Maher McKenna Hogan O'Keeffe Magee McNamara McDermott Moloney O'Rourke
Buckley O'Dwyer Ahern Corcoran Cassidy Coughlan Dolan Egan Hennessy Keogh Lawlor Mulligan Nagle Phelan Rafferty
Sheridan Tierney Twomey McGuinness Devlin McCann McCabe McGovern McHugh McKeown McLaughlin McManus McNally McNulty
McShane McSweeney Mulcahy Mulholland Mullen Murtagh Nugent O'Driscoll O'Flaherty O'Gorman O'Hara O'Hare O'Kane
O'Malley O'Meara O'Toole Power Quigley Rooney Scanlon Shanahan Sheehy Tobin Tracey Treacy Walshe Bracken Breen
Cahill Canavan Carey Carroll Clancy Cleary Coffey Colgan Conlon Connell Conroy Coyle Crowley Curran Daley Deasy
Delaney Dempsey Devine Diamond Dillon Donaghy Donegan Doolan Dowling Downey Doyle Duggan Dwyer Fahy Fallon Fay
Feeney Fennelly Finnegan Flaherty Flood Gaffney Galvin Geraghty Gilligan Gorman Grady Hanlon Hannigan Harkin
Hartigan Heffernan Hegarty Hickey Horgan Hurley Kearney Keating Kehoe Kiely Kinsella Lenihan Loughlin Lynam Madden
Mahon Malone Manning Meehan Moynihan Mulvey Nevin Noonan O'Hagan O'Halloran O'Loughlin Quinlan Reidy Reilly Roche
Shortt Slattery Sweeney Tully Ward-Hughes MacDonald Macdonald MacLeod McLeod Mackay McKay McKenzie Mackintosh
McIntosh Buchanan Sutherland MacLean McLean Munro Murdoch Douglas Dunlop Forsyth Galbraith Gillespie Lindsay McGregor
MacGregor McAllister Macrae McIntyre McMillan MacPherson McPherson Ogilvie Rennie Sinclair Urquhart Wallace Cameron
Davidson Duncan Henderson Hamilton Morrison Paterson Thomson Robertson Fraser Anderson Mackie Maclean Macleod
Macaulay MacAskill Macintyre MacKinnon Mackinnon MacNeil McNeil Matheson Menzies Moffat Muir Nicol Rankin Ritchie
Shearer Strachan Tait Wishart Baird Bruce Cairns Colquhoun Cowan Crichton Cruickshank Drummond Erskine Fairbairn
Fyfe Guthrie Hendry Hogg Imrie Keir Laing Lennox Lockhart McArthur McBride McCallum McColl McCulloch McEwan McFarlane
McGill McInnes McKinlay McLachlan McLaren McMaster McRae Ramsay Sangster Smillie Sneddon Stoddart Swanson Weir
Jones Davies Evans Roberts Lewis Morgan Griffiths Owen Price Jenkins Rees Pritchard Powell Probert Parry Pugh
Bevan Prosser Llewellyn Vaughan Howells Morris Phillips Watkins Gwynne Bowen Gittins Humphreys Jarman Lougher
Meredith Mostyn Nicholas Rowlands Tudor Wynn Beynon Bowden Cadwaladr Gravell Hopkin Jeffreys Llywelyn Maddocks
Meyrick Penry Prydderch Rhys Trevelyan Pengelly Trelawney Penrose Tregear Polglase Carne Nance Treloar Angove
)";

constexpr std::string_view kSurnameSouthAsian = R"(
Patel Shah Sharma Singh Kaur Gupta Kumar Khan Ahmed Ali Hussain Begum Rahman Uddin Miah Chowdhury Choudhury Das
Dutta Bose Banerjee Chatterjee Mukherjee Ghosh Sen Roy Iyer Nair Menon Pillai Reddy Rao Naidu Joshi Desai Mehta Modi
Parikh Trivedi Pandya Bhatt Kapoor Khanna Malhotra Chopra Sethi Arora Bhatia Sandhu Sidhu Dhillon Grewal Bains Johal
Sahota Virdi Rai Thakur Verma Mishra Pandey Tiwari Yadav Chauhan Saxena Srivastava Agarwal Jain Kohli Anand Bhatti
Raza Rizvi Naqvi Jafri Zaidi Abbasi Shaikh Ansari Mirza Baig Butt Dar Bhat Sheikh Akram Aslam Anwar Javed
Majeed Rashid Saeed Shahzad Tariq Yousaf Zaman Perera Fernando Jayawardena Wickramasinghe Gunasekara Ratnayake
Bandara Dissanayake Rajapaksa Sivakumar Thangarajah Selvarajah Kanagaratnam Balasubramaniam Krishnan Subramanian
Murugan Ramachandran Raman Qureshi Siddiqui Malik Mahmood Iqbal Akhtar Chaudhry Choudhry Hossain Haque Hoque Alam
Islam Karim Mondal Sarkar Biswas Bhattacharya Chakraborty Dasgupta Ganguly Guha Majumdar Mitra Mukhopadhyay Nandi
Pal Saha Sengupta Sinha Talukdar Acharya Bhandari Dhakal Ghimire Gurung Khadka Limbu Magar Pokharel Sherpa Shrestha
Tamang Thapa Adhikari Basnet Bhattarai Karki Koirala Lama Pun Regmi Subedi Upadhyay Bajwa Chahal Cheema Deol Gill
Kang Mann Pannu Randhawa Sangha Toor Uppal Atwal Bassi Boparai Chana Dhaliwal Dhami Dosanjh Heer Hundal Jassal Kalsi
Khaira Kooner Lall Matharu Nijjar Panesar Purewal Rehal Sahni Sehmi Soor Takhar Thind Bhogal Birdi Chaggar Dulai
Ahluwalia Bakshi Bedi Chadha Dhawan Dua Gandhi Ghai Gulati Jaggi Kakkar Kalra Khurana Luthra Madan Mehra Nanda Oberoi
Puri Sachdev Sahni Sawhney Sodhi Suri Talwar Tandon Vij Wadhwa Amin Bhagat Chavda Dave Gohil Jadeja Kotecha
Lakhani Lodhia Mistry Mody Nathwani Pancholi Popat Rathod Ruparelia Solanki Thakkar Thakrar Vadgama Vaghela Vyas
Bhardwaj Chaturvedi Dubey Dwivedi Mehrotra Nigam Ojha Pathak Shukla Sinha Tripathi Upadhyaya Vajpayee Agrawal
Bansal Garg Goel Goyal Jindal Mittal Singhal Kulkarni Deshpande Gokhale Joglekar Kelkar Patil Pawar Shinde Jadhav
Gaikwad Chavan Bhosale Iyengar Krishnamurthy Narayanan Raghavan Rajan Ramaswamy Ranganathan Seshadri Srinivasan
Swaminathan Venkatesh Venkataraman Gopalan Hegde Kamath Pai Shetty Shenoy Nayak Rao-Patel Chopdar Ahmad Awan Chohan
Gondal Janjua Khokhar Minhas Niazi Rana Sattar Shafi Waheed Yaqoob Zahid Zafar Bukhari Gilani Hashmi Jilani Kazmi
Shah-Khan Hussaini Nawaz Sharif Mughal Rajput Ghauri Afridi Durrani Yusufzai Khattak Mohmand Achakzai Barakzai
Ariyaratne Herath Jayasinghe Jayasuriya Karunaratne Kumarasinghe Liyanage Mendis Peiris Premadasa Rodrigo Samarasinghe
Senanayake Silva Weerasinghe Wijesinghe Arulanandam Kandiah Mahalingam Nadarajah Paramasivam Ponnambalam
Rajaratnam Sivanathan Sundaram Thiruchelvam Vaithilingam Vigneswaran Yogarajah D'Souza D'Sousa D'Cruz D'Costa
D'Mello D'Silva D'Almeida
D'Sa
)";

constexpr std::string_view kSurnameAfricanCaribbean = R"(
Okafor Okonkwo Okeke Okoro Okoye Eze Nwosu Nwankwo Nwachukwu Obi Onyeka Uzor Igwe Chukwu Ezeh Anyanwu Adeyemi Adebayo
Adewale Adeleke Adeniyi Adesanya Afolabi Akinola Akintola Alade Babalola Bello Ogunleye Ogunbiyi Ogundipe Oladipo
Olaniyan Olawale Oyelaran Oyewole Fashola Balogun Abubakar Musa Danjuma Mensah Asante Owusu Boateng Osei Agyeman
Appiah Acheampong Amoah Darko Addo Ansah Annan Badu Opoku Ofori Sarpong Yeboah Frimpong Quaye Tetteh Quartey Nkrumah
Kamara Conteh Sesay Bangura Koroma Jalloh Barrie Diallo Bah Sow Traore Keita Coulibaly Toure Cisse Ndiaye Diop Faye
Sarr Jallow Ceesay Touray Jatta Sanneh Njie Moyo Ncube Dube Sibanda Ndlovu Nkomo Mutasa Chikwanha Mahlangu Khumalo
Dlamini Nkosi Zulu Adeboye Adegoke Adejumo Adekunle Ademola Adeniran Adepoju Aderemi Adesina Adetunji Adewumi Afolayan
Agbaje Ajayi Ajibade Akande Akinbode Akinde Akinsanya Akinyemi Alabi Aluko Amusan Aremu Ayodeji Ayoola Bakare Banjo
Coker Dada Ekpo Eluwa Emenike Eneh Ezeani Ezekwesili Fagbemi Fajemisin Falana Famuyiwa Folarin Ibekwe Idowu Ige
Ikeji Ilori Iwu Iyke Jegede Kalu Komolafe Lawal Madu Mbah Nnadi Nwafor Nwabueze Nwagbara Nwaogu Nwokolo Nwoye
Obasi Obiora Odeh Odunsi Ogbu Ogundele Ogunwale Ojo Okafor-Smith Okeowo Okezie Okolie Okonjo Okorie Okpara Okwu
Oladapo Olagunju Olaleye Olatunji Olayemi Oloyede Olowu Oluwole Omotoso Onuoha Onwuka Opara Osagie Oshodi Osinbajo
Otedola Oyebanji Oyedele Oyeleke Salako Shittu Sowemimo Sulaiman Taiwo Ugwu Umeh Uwaifo Yusuf Adjei Agyei Amankwah
Amponsah Antwi Asamoah Ashitey Baffour Bekoe Boakye Bonsu Danso Donkor Dwamena Gyamfi Kuffour Kyei Manu Nyarko
Obeng Oduro Okyere Osei-Bonsu Owusu-Ansah Prempeh Sackey Takyi Wiredu Agbodeka Ahadzi Amegashie Dzokoto Gbeho Kpodo
Lartey Laryea Nortey Odoi Okine Quarshie Quaynor Sowah Tagoe Tetteh-Lartey Bundu Fofanah Kargbo Mansaray Sankoh
Turay Kanu Suma Dumbuya Jabbie Kallon Kamanda Lahai Samura Sillah Bojang Camara Colley Darboe Drammeh Fatty Gaye
Jammeh Janneh Manneh Saidy Sonko Tambedou Mwangi Kamau Kariuki Njoroge Otieno Odhiambo Ochieng Onyango Owino Wanjala
Wekesa Barasa Chege Gitau Kimani Kiprop Koech Langat Macharia Maina Mugo Muriuki Mutua Ndungu Njenga Nyaga Waweru
Abdi Ahmed-Ali Aden Dahir Duale Egal Elmi Farah Guled Hersi Ismail Jama Mohamud Nur Osman Samatar Warsame Yusuf-Ali
Abera Alemayehu Bekele Desta Gebre Gebremedhin Girma Haile Kebede Mengistu Negash Tadesse Tesfaye Tekle Woldemariam
Chiwenga Chinamasa Makoni Mandaza Marufu Moyo-Ncube Mpofu Muchena Mugabe Mukanya Murewa Mutambara Nyoni
Sithole Tshuma Zhou Zvobgo Banda Chanda Lungu Mulenga Mwale Phiri Tembo Mbeki Mokoena Molefe Naidoo Ngcobo Radebe
Sithebe Zungu Nakato Mukasa Okello Opio Ssemakula Tumusiime Mugisha Kato Byaruhanga Kiggundu Lubega Musoke Nsubuga
Campbell Clarke Reid Gordon Francis Henry Bailey Blake Walters Forbes Spence McKenzie Bryan Samuels Daley Hinds
Hylton Gayle Lindo Barrett Facey Grizzle Haughton Marley Nembhard Beckford Bogle Brathwaite Braithwaite Chin Chung
Cole-Williams Creary Dacres Ebanks Edwards-Reid Ferron Gooden Gregory-Reid Grant-Davis Hamilton-Brown Harriott
Hemmings Henriques Lewin Lyn Malcolm Mattis McFarlane McLean Minott Morrison-Clarke Pinnock Plummer Rattray Rowe
Salmon-Brown Shirley Simms Sinclair-Reid Smellie Thelwell Tomlinson Whyte Wint Brissett Chambers-Reid Dunkley
Dyer-Grant Forrester Fagan Gilzene Gumbs Headley Hurlock Isaacs Jarrett Josephs Kerr-Jarrett Leslie Lumsden Lyttle
McCalla McKoy Morgan-Lewis Nugent-Reid Ottey Palmer-Brown Powell-Thomas Richards-Hall Scarlett Thwaites Walcott
Weekes Wignall Holder Gittens Greenidge Inniss Jordan-Wells Kellman Lashley Worrell Best-Clarke
)";

constexpr std::string_view kSurnameEuropean = R"(
Kowalski Kowalska Nowak Wisniewski Wisniewska Wojcik Kowalczyk Kaminski Kaminska Lewandowski Lewandowska Zielinski
Zielinska Szymanski Szymanska Wozniak Dabrowski Dabrowska Kozlowski Kozlowska Jankowski Jankowska Mazur Kwiatkowski
Kwiatkowska Krawczyk Piotrowski Piotrowska Grabowski Grabowska Nowakowski Nowakowska Pawlowski Pawlowska Michalski
Michalska Nowicki Nowicka Adamczyk Dudek Zajac Wieczorek Jablonski Jablonska Krol Majewski Majewska Olszewski
Olszewska Jaworski Jaworska Wrobel Malinowski Malinowska Pawlak Witkowski Witkowska Walczak Stepien Gorski Gorska
Rutkowski Rutkowska Michalak Sikora Ostrowski Ostrowska Baran Duda Szewczyk Tomaszewski Tomaszewska Pietrzak
Marciniak Wroblewski Wroblewska Zalewski Zalewska Jakubowski Jakubowska Jasinski Jasinska Zawadzki Zawadzka Sadowski
Sadowska Bak Chmielewski Chmielewska Wlodarczyk Borkowski Borkowska Czarnecki Czarnecka Sawicki Sawicka Sokolowski
Sokolowska Urbanski Urbanska Kubiak Maciejewski Maciejewska Szczepanski Szczepanska Kucharski Kucharska Wilk
Kalinowski Kalinowska Lis Mazurek Wysocki Wysocka Adamski Adamska Kazmierczak Wasilewski Wasilewska Sobczak
Czerwinski Czerwinska Andrzejewski Andrzejewska Cieslak Glowacki Glowacka Zakrzewski Zakrzewska Kolodziej Sikorski
Sikorska Krajewski Krajewska Gajewski Gajewska Szymczak Szulc Baranowski Baranowska Laskowski Laskowska Brzezinski
Brzezinska Makowski Makowska Ziolkowski Ziolkowska Przybylski Przybylska Popescu Ionescu Popa Dumitru Stan Stoica
Gheorghe Matei Ciobanu Ionita Rusu Munteanu Constantin Mihai Marin Dinu Florea Tudor Moldovan Lazar Barbu Nistor
Cristea Oprea Dobre Enache Nedelcu Anghel Vasile Serban Dragomir Toma Georgescu Stanciu Ilie Dumitrescu Neagu Ene
Sandu Moraru Craciun Pavel Mocanu Kazlauskas Jankauskas Petrauskas Stankevicius Vasiliauskas Zukauskas Butkus
Paulauskas Urbonas Kavaliauskas Berzins Kalnins Ozols Jansons Liepins Ivanov Petrov Georgiev Dimitrov Nikolov
Todorov Stoyanov Popov Hristov Ivanova Petrova Georgieva Dimitrova Nikolova Todorova Nagy Kovacs Toth Szabo Horvath
Varga Molnar Nemeth Farkas Balogh Papp Takacs Juhasz Lakatos Meszaros Olah Simon Racz Fekete Szilagyi Torok Feher
Balazs Kis Novak Svoboda Novotny Dvorak Cerny Prochazka Kucera Vesely Horak Nemec Pokorny Marek Pospisil Hajek
Jelinek Kral Ruzicka Benes Fiala Sedlacek Dolezal Zeman Kolar Navratil Cermak Smirnov Kuznetsov Popova Sokolov
Lebedev Kozlov Novikov Morozov Volkov Solovyov Vasiliev Zaitsev Pavlov Semenov Golubev Vinogradov Bogdanov Vorobyov
Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Melnyk Boyko Koval Marchenko Lysenko Rudenko Savchenko
Petrenko Klymenko Pavlenko Levchenko Kharchenko Ponomarenko Moroz Shevchuk Polishchuk Kovalchuk Tkachuk Hoxha Krasniqi
Berisha Gashi Morina Shala Kelmendi Hasani Rexhepi Bytyqi Dubois Durand Lefebvre Moreau Laurent Michel Leroy Roux
Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Mercier Blanc Guerin Boyer Garnier Chevalier
Francois Legrand Gauthier Perrin Robin Clement Morin Nicolas Henry Mathieu Muller Schmidt Schneider Fischer Weber
Meyer Wagner Becker Schulz Hoffmann Schafer Koch Bauer Richter Klein Wolf Schroder Neumann Schwarz Zimmermann Braun
Kruger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Kohler Herrmann Konig
Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Moller Weiss Jung Hahn Vogel Friedrich Keller Gunther Frank Berger
Winkler Roth Beck Lorenz Baumann Franke Albrecht Ludwig Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci
Marino Greco Bruno Gallo Conti DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani
Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola DeSantis
D'Angelo Marchetti Parisi Conte Ferraro Ferri Fabbri Bianco Marini Grasso Valentini Messina Sala DeAngelis
Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza Testa Grassi Pellegrino
Carbone Giuliani Benedetti Barone Rossetti Caputo Montanari Guerra Palmieri Bernardi Martino Fiore DeRosa Ferretti
Bellini Basile Riva Donati Piras Vitali Battaglia Sartori Neri Costantini Milani Papadopoulos Papadakis Georgiou
Nikolaou Pappas Vlachos Oikonomou Dimitriou Konstantinou Ioannou Christodoulou Antoniou Karagiannis Vasileiou
Makris Papageorgiou Alexiou Athanasiou Angelopoulos Michailidis Kyriakou Demetriou Yilmaz Kaya Demir Sahin Celik
Ozturk Aydin Arslan Dogan Kilic Aslan Cetin Kara Koc Kurt Ozdemir Ozkan Simsek Polat Erdogan Yildiz Yildirim
Karaca Aksoy Tekin Hansen Johansen Olsen Larsen Andersen Pedersen Nielsen Jensen Kristensen Christensen Johansson
Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Lindberg Lindqvist Lindgren
Berg Bergstrom Lundqvist Virtanen Korhonen Nieminen Makinen Hamalainen Laine Heikkinen Koskinen Jarvinen DeVries
VanDijk Bakker Janssen Visser Smit Meijer DeBoer Mulder DeGroot Bos Vos Peeters Maes Jacobs Mertens Willems Claes
Goossens Wouters DeSmet Dubois-Martin Cohen Levy Levi Goldberg Friedman Katz Stein Klein-Cohen Rosenberg Shapiro
Weiss-Levy Abrahams Blum Eisenberg Feldman Finkelstein Gold Goldstein Greenberg Horowitz Kaplan Lieberman Rosen
Rosenthal Rubin Schwartz-Cohen Segal Silverman Weinberg
)";

constexpr std::string_view kSurnameAsianIberianArabic = R"(
Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Andrada Castillo Flores Villanueva Ramos Castro Rivera
Aquino Navarro Salazar Mercado Manalo Dizon Gonzales Lopez Aguilar Pascual Santiago Soriano Valdez Javier Domingo
Fernandez Gutierrez Marquez Padilla Panganiban Macaraeg Magbanua Dimaculangan Lacson Tolentino Cortez Agustin
Pangilinan Sison Tan Lim Sy Uy Ong Abad Abella Abrenica Agbayani Alcantara Alvarado Amador Angeles Arellano
Bacani Bernardo Buenaventura Cabrera Calderon Camacho Capistrano Carpio Catapang Cayabyab Concepcion Corpuz
DelaCruz DeGuzman DeLeon DelosReyes DelosSantos Dumalagan Enriquez Esguerra Espinosa Estrada Evangelista Fajardo
Francisco Galang Gatdula Guevarra Hernandez Ilagan Jimenez Lagman Lazaro Legaspi Lualhati Lucero Mabini
Macapagal Magsaysay Malabanan Manansala Manuel Marasigan Medina Mendez Miranda Montemayor Morales Natividad
Nepomuceno Ordonez Ortega Pacheco Palileo Perez Quiambao Quijano Quizon Ramirez Razon Rosales Roxas Sablan Samonte
Sarmiento Serrano Tabora Tagle Tuazon Umali Velasco Vergara Villareal Yambao Zamora Wang Zhang Liu Chen Yang Huang
Zhao Wu Zhou Xu Zhu Hu Guo Lin Luo Gao Liang Tang Xie Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Cai Jiang
Du Cheng Su Ding Ren Shen Yao Cui Zhong Lo Chan Wong Leung Cheung Lau Ng Ho Yip Kwok Tsang Mak Chow Fung Tse Chu
Lam Yeung Kwan Choi Kim Nguyen Tran Pham Hoang Vu Dang Bui Ngo Duong Ly Truong Phan Vo Huynh Dinh Trinh Luong Mai
Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto
Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Ogawa Okada Goto Hasegawa Murakami Kondo
Ishii Saito Sakamoto Aoki Fujii Nishimura Fukuda Ota Miura Fujiwara Okamoto Matsuda Nakagawa Nakano Harada
Lee-Chan Jeon Jung Kang Cho Yoon Jang Lim-Kim Han-Lee Seo Kwon Hwang Ahn Jeong Baek Nam Ryu Yoo Hong Moon
Santos-Silva Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Souza Fernandes Goncalves Gomes Lopes Marques
Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira Correia Mendes Nunes Soares Vieira Monteiro Cardoso Rocha
Neves Coelho Cunha Pires Reis Simoes Antunes Matos Fonseca Machado Araujo Barbosa Tavares Lourenco Figueiredo
Azevedo Freitas Gonzalez Rodriguez Martinez Sanchez Gomez Ruiz Diaz Moreno Munoz Alvarez Romero Alonso Dominguez
Vazquez Gil Blanco Molina Suarez Delgado Ortiz Rubio Sanz Nunez Iglesias Garrido Cortes Lozano Guerrero Cano Prieto
Calvo Gallego Vidal Leon Herrera Pena Campos Vega Fuentes Carrasco Diez Caballero Nieto Santana Herrero Lorenzo
Montero Hidalgo Gimenez Ibanez Ferrer Duran Benitez Mora Vicente Vargas Arias Carmona Crespo Roman Soto Saez Moya
Soler Parra Esteban Gallardo Rojas Quintero Mejia Castaneda Zapata Ospina Restrepo Londono Salgado Cardenas
Contreras Escobar Guzman Ochoa Pineda Sandoval Trujillo Valencia Villalobos Zuniga Acosta Avila Bermudez Cisneros
Espinoza Ibarra Lara Maldonado Meza Pacheco-Ruiz Quiroga Rivas Salinas Valenzuela Velazquez Hassan Ibrahim Abdullah
Mansour Haddad Khoury Nasser Saleh Salem Aziz Habib Farouk Hamid Khalil Al-Sayed Al-Hassan Al-Rashid Al-Amin
Al-Masri Al-Khatib Al-Ahmad Abboud Abdel Abdelrahman Abu-Bakr Ayoub Azzam Barakat Bishara Darwish El-Amin
El-Masry El-Sayed Fakhoury Ghanem Hamdan Hammoud Hijazi Issa Jaber Jabbour Kassem Khalaf Khalifa Khatib Mahmoud
Makhlouf Mansoor Mattar Mikhail Mourad Nassar Qasem Rahal Sabbagh Saad Sabry Sadek Salameh Shaheen Shahin Suleiman
Sultan Taha Yassin Younis Zaki Zayed Hosseini Ahmadi Mohammadi Rezaei Karimi Moradi Rahimi Jafari Hashemi Sadeghi
Ghasemi Kazemi Mousavi Najafi Rostami Tehrani Azizi Bagheri Ebrahimi Farahani Ghorbani Hosseinzadeh Jalali Khani
Mahdavi Nazari Rahmani Sharifi Soltani Taheri Yazdani Zamani Noori Popal Wardak Safi Sultani Stanekzai Barakzai-Khan
Amiri Hakimi Haidari Rasuli Samadi Barzani Talabani Hawrami Jaff Zebari Mohammed Muhammad Mustafa Omar Osman Othman
Yusef Youssef Ismail Idris Ilyas
)";

// ---------------------------------------------------------------- names that are also everyday words

// Given names that are ordinary English words, months, days, places or brands. Only a trigger ("Nurse Joy") or a
// listed surname after them ("Blessing Okafor") makes them a name.
constexpr std::string_view kCommonWordGiven = R"(
Hope Faith Grace Joy Will Mark May June April August Rose Sunny Bill Jordan Dawn Holly Ivy Lily Daisy Poppy Iris
Violet Heather Jade Amber Crystal Pearl Summer Autumn Winter Storm Sky Skye River Rain Ocean Brook Chase Chance Hunter
Mason Miles Carol Eve Frank Guy Ray Rich Rob Sue Pat Don Max Art Gene Drew Earl Duke Prince Princess King Queen
Major Sterling Reed Rocky Sandy Misty Penny Ginger Candy Cherry Honey Olive Hazel Fern Willow Clay Cliff Dean Wade
Page Florence Paris Chelsea India Georgia Sydney Victoria Austin Chester Preston Devon Kent Lincoln Eden Angel
Precious Lovely Blessing Gift Favour Favor Comfort Mercy Patience Charity Peace Prosper Wisdom Innocent Justice
Promise Goodness Praise Destiny Harmony Melody Liberty Unity Trinity Serenity Prudence Constance Happy Lucky Pinky
Girlie Junior Sunday Christian Jesus Said Can Sun Song Ma Long Fan Ye Le Pop Kiss Non Al Jay Dot Mo Di
Bud Buck Colt Star Scout Rusty Bunny Marvellous Success Testimony Treasure Victory Wonder Bright Smart
Ace Baby Bea Belle Bliss Bonny Cash Clement Coco Dusty Echo Ember Fawn Fleur Goldie Harmony
Haven Heaven Honour Jewel Lark Lucky Nova Pip Raven Reign
Royal Sage Shadow Sparrow Spring Sugar Sunshine Tempest Topaz True Velvet Wren Zen Aurora Nana Monday Friday Milan
Roman Baby Shona
)";

// Surnames that are ordinary English words (colours, trades, places in a building). "Dr Brown" and "Sarah Brown" are
// names; "Brown" on its own is not.
constexpr std::string_view kCommonWordSurname = R"(
Brown White Green Black Young King Hill Wood Hall Ward Baker Cook Bell Moss Wells Long Page Lane Street Church Rose
Marsh Field Fields Banks Bishop Butler Carpenter Cross Day Dean Ford Fox Frost Gold Grant Gray Grey Hart Hunt Hunter
Knight Lamb Law Little Lord Major Mason Miles Mills Moon North Park Pope Porter Potter Price Rich Rice Short Sharp
Stone Strong Swan Wall Waters Weaver West Wise Wolf Woods Bird Bush Best Bond Booth Brook Bright Burns Chambers Good
Holland Love Plant Power Read Reed Rivers Salt Savage Shepherd Silver Small Snow Spring Steel Summers Swift
Thorn Tower Wild Winter Wing Berry Ball Glass Joy Hope Faith Parish Rainbow Trim Vine Oak Jolly Merry Sweet Pound
Penny Cash Bacon Salmon Crane Finch Hawk Drake Nightingale Partridge Sparrow Peacock Temple Bridge Bridges Castle
Mill Pool Lake Moor Heath Forest Grove Dale Vale Islam Sun Song Ma Fan Ye Le Pop Kiss Christian Jesus Major Noble
Rush Root Sage Baron Abbott Marshall Sheriff Savage Stout Guy Kay Fry Coward Bone Hand Foot Head
Tailor Cotton Wool Fairy Gentle Hood Kidd Moody Proud Bold Sterling Cannon Gunn Steward
Chancellor Chamberlain Judge Dye Hay Frank Winters Summer Clay Rock Cliff Butt Pun Sow Fatty Chin Flood
Manning Bracken Weir Bull Bunting Gee Sparks Shields Costa Roman Diamond Bolton Burton Barnes Dudley
Stafford Sutton Bromley Buckingham
)";

// ---------------------------------------------------------------- compile-time merge

struct Group {
    std::string_view words;
    std::uint8_t flags;
};

constexpr std::array kGroups{
    Group{kGivenBritish, kGiven},
    Group{kGivenIrish, kGiven},
    Group{kGivenWelsh, kGiven},
    Group{kGivenScottish, kGiven},
    Group{kGivenSouthAsian, kGiven},
    Group{kGivenAfrican, kGiven},
    Group{kGivenCaribbean, kGiven},
    Group{kGivenEasternEuropean, kGiven},
    Group{kGivenFilipino, kGiven},
    Group{kGivenEastAsian, kGiven},
    Group{kGivenIberianLatin, kGiven},
    Group{kGivenArabicPersianTurkish, kGiven},
    Group{kGivenEuropeanOther, kGiven},
    Group{kGivenDiminutives, kGiven},
    Group{kSurnameBritish, kSurname},
    Group{kSurnameCelticIrishScottishWelsh, kSurname},
    Group{kSurnameSouthAsian, kSurname},
    Group{kSurnameAfricanCaribbean, kSurname},
    Group{kSurnameEuropean, kSurname},
    Group{kSurnameAsianIberianArabic, kSurname},
    Group{kCommonWordGiven, static_cast<std::uint8_t>(kGiven | kCommonWord)},
    Group{kCommonWordSurname, static_cast<std::uint8_t>(kSurname | kCommonWord)},
};

constexpr bool isGap(char c) {
    return c == ' ' || c == '\n' || c == '\t';
}

template <typename Visit>
constexpr void forEachWord(std::string_view text, Visit&& visit) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isGap(text[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && !isGap(text[i])) {
            ++i;
        }
        if (i > start) {
            visit(text.substr(start, i - start));
        }
    }
}

// Catch typing slips at build time: every entry starts with a capital and uses only ASCII letters, apostrophes
// and hyphens, because that is the only form the scrubber ever looks up. (One linear pass: cheap to evaluate.)
constexpr bool wellFormed() {
    bool ok = true;
    for (const Group& group : kGroups) {
        forEachWord(group.words, [&](std::string_view word) {
            ok = ok && word[0] >= 'A' && word[0] <= 'Z';
            for (const char c : word) {
                const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                ok = ok && (letter || c == '\'' || c == '-');
            }
        });
    }
    return ok;
}
static_assert(wellFormed(), "a built-in name is not folded ASCII starting with a capital");

// One entry per spelling, sorted; a spelling listed in several groups gets all their flags ("Thomas" is a given
// name and a surname; "Rose" is also an everyday word). Built at run time, once: sorting ~7000 words inside the
// compiler took 20 s and 700 MB of RAM per build, too much for the small boxes the kiosk is built on.
std::vector<Entry> buildIndex() {
    std::vector<Entry> all;
    all.reserve(8192);
    for (const Group& group : kGroups) {
        forEachWord(group.words, [&](std::string_view word) { all.push_back(Entry{word, group.flags}); });
    }
    std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    std::vector<Entry> index;
    index.reserve(all.size());
    for (const Entry& e : all) {
        if (!index.empty() && index.back().name == e.name) {
            index.back().flags = static_cast<std::uint8_t>(index.back().flags | e.flags);
        } else {
            index.push_back(e);
        }
    }
    return index;
}

}  // namespace

std::span<const Entry> builtIn() {
    // Built on first use and never changed afterwards; C++ guarantees the initialisation runs once, thread-safely.
    static const std::vector<Entry> kIndex = buildIndex();
    return {kIndex.data(), kIndex.size()};
}

std::uint8_t lookup(std::span<const Entry> list, std::string_view asciiName) noexcept {
    const auto it = std::lower_bound(list.begin(), list.end(), asciiName,
                                     [](const Entry& e, std::string_view key) { return e.name < key; });
    if (it != list.end() && it->name == asciiName) {
        return it->flags;
    }
    return 0;
}

}  // namespace reflect::core::names
